// This machine's limits, for the benchmarks' "fraction of the machine" (bench/machine-limits.ts):
// memory bandwidth (STREAM's triad a = b + s c over arrays far larger than the caches) and the
// arithmetic peak (independent FMA chains in f32 and f64, the widest vectors the compiler targets
// here), on every core (OpenMP). Prints one JSON line. Built with -O3 -march=native -fopenmp.
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + 1e-9 * t.tv_nsec;
}

/* Bytes moved per second by the triad (3 arrays of n doubles: 2 read, 1 written), best of 5. */
static double triad(size_t n) {
  double *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b), *c = malloc(n * sizeof *c);
#pragma omp parallel for
  for (size_t i = 0; i < n; i++) a[i] = 0, b[i] = 1, c[i] = 2;
  double best = 1e30;
  for (int r = 0; r < 5; r++) {
    double t0 = now();
#pragma omp parallel for
    for (size_t i = 0; i < n; i++) a[i] = b[i] + 3.0 * c[i];
    double t = now() - t0;
    if (t < best) best = t;
  }
  double check = a[n / 2];
  free(a), free(b), free(c);
  if (check != 7.0) return -1;
  return 3.0 * n * sizeof(double) / best;
}

#define CHAINS 32
#define PEAK(NAME, T)                                                   \
  static double NAME(long iters) {                                      \
    double best = 1e30, sink = 0;                                       \
    for (int r = 0; r < 3; r++) {                                       \
      double t0 = now();                                                \
      double s = 0;                                                     \
      _Pragma("omp parallel reduction(+ : s)") {                        \
        T x[CHAINS][16];                                                \
        for (int k = 0; k < CHAINS; k++)                                \
          for (int l = 0; l < 16; l++) x[k][l] = (T)(1 + omp_get_thread_num() + k + l) * (T)1e-3; \
        const T m = (T)0.999999, c = (T)1e-7;                           \
        for (long i = 0; i < iters; i++)                                \
          for (int k = 0; k < CHAINS; k++)                              \
            _Pragma("omp simd") for (int l = 0; l < 16; l++) x[k][l] = x[k][l] * m + c; \
        for (int k = 0; k < CHAINS; k++)                                \
          for (int l = 0; l < 16; l++) s += x[k][l];                    \
      }                                                                 \
      double t = now() - t0;                                            \
      sink += s;                                                        \
      if (t < best) best = t;                                           \
    }                                                                   \
    if (sink == 0) return -1;                                           \
    return 2.0 * iters * CHAINS * 16 * omp_get_max_threads() / best;    \
  }
PEAK(peak_f32, float)
PEAK(peak_f64, double)

int main(void) {
  double bw = triad((size_t)1 << 26);
  double f32 = peak_f32(2000000), f64 = peak_f64(2000000);
  printf("{\"threads\": %d, \"triadBytesPerSecond\": %.6g, \"f32FlopsPerSecond\": %.6g, \"f64FlopsPerSecond\": %.6g}\n", omp_get_max_threads(), bw, f32, f64);
  return 0;
}
