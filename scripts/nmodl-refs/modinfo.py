"""A small NMODL declaration parser: what the reference protocols need to know about a mod file.

parse(path) -> {kind, name, states, arrays, range, global, assigned, parameter, useion, nonspecific,
                electrode, pointer, netReceive, includes}
Only the NEURON, STATE, ASSIGNED and PARAMETER blocks are read (INCLUDEd files from the mod's folder or its
parent are read in place); everything else in the file is ignored.
"""
import os
import re

NEURON_KEYS = {'SUFFIX', 'POINT_PROCESS', 'ARTIFICIAL_CELL', 'USEION', 'READ', 'WRITE', 'VALENCE', 'RANGE',
               'GLOBAL', 'NONSPECIFIC_CURRENT', 'ELECTRODE_CURRENT', 'POINTER', 'BBCOREPOINTER', 'THREADSAFE',
               'EXTERNAL', 'SECTION', 'REPRESENTS', 'RANDOM'}
KINDS = {'SUFFIX': 'density', 'POINT_PROCESS': 'point', 'ARTIFICIAL_CELL': 'artificial'}


def strip_comments(text):
    """Drops COMMENT ... ENDCOMMENT blocks and ':' / '?' line comments."""
    text = re.sub(r'^[ \t]*COMMENT\b.*?^[ \t]*ENDCOMMENT\b', '', text, flags=re.S | re.M)
    text = re.sub(r'VERBATIM.*?ENDVERBATIM', '', text, flags=re.S)
    return re.sub(r'[:?].*', '', text)


def include_path(name, folder):
    """An INCLUDEd file, looked for in the mod's folder, then its parent (doc/source/code/netcon.inc)."""
    for d in (folder, os.path.dirname(folder)):
        if os.path.isfile(os.path.join(d, name)):
            return os.path.join(d, name)
    return None


def read_source(path, includes):
    """The mod file's text, comments stripped, with INCLUDE lines replaced by the included files."""
    folder = os.path.dirname(os.path.abspath(path))
    text = strip_comments(open(path, errors='replace').read())

    def inline(m):
        found = include_path(m.group(1), folder)
        if found is None:
            return ''
        includes.append(found)
        return read_source(found, includes)
    return re.sub(r'\bINCLUDE\s+"([^"]+)"', inline, text)


def blocks(text, keyword):
    """The bodies of every `keyword { ... }` block (braces matched)."""
    out = []
    for m in re.finditer(r'\b' + keyword + r'\s*\{', text):
        depth, i = 1, m.end()
        while i < len(text) and depth:
            depth += {'{': 1, '}': -1}.get(text[i], 0)
            i += 1
        out.append(text[m.end():i - 1])
    return out


def declared(body):
    """Names declared in a STATE/ASSIGNED body: (scalars, arrays); units, tolerances, FROM..TO dropped."""
    body = re.sub(r'\([^)]*\)|<[^>]*>|\bFROM\s+\S+\s+TO\s+\S+', ' ', body)
    arrays = re.findall(r'([A-Za-z_]\w*)\s*\[[^\]]*\]', body)
    body = re.sub(r'\[[^\]]*\]|=\s*[-+]?[\d.]+(?:[eE][-+]?\d+)?', ' ', body)
    names = [n for n in re.findall(r'[A-Za-z_]\w*', body) if n not in ('FROM', 'TO')]
    return [n for n in dict.fromkeys(names) if n not in arrays], arrays


def parse(path):
    includes = []
    text = read_source(path, includes)
    info = {'kind': None, 'name': None, 'states': [], 'arrays': [], 'range': [], 'global': [], 'assigned': [],
            'parameter': [], 'useion': [], 'nonspecific': [], 'electrode': [], 'pointer': [], 'netReceive': False,
            'includes': includes}
    key, ion = None, None
    for tok in re.findall(r'[A-Za-z_]\w*|-?\d+(?:\.\d*)?', ' '.join(blocks(text, 'NEURON'))):
        if tok in NEURON_KEYS:
            key = tok
            if tok == 'USEION':
                ion = None
            continue
        if key in KINDS and info['name'] is None:
            info['kind'], info['name'] = KINDS[key], tok
        elif key == 'USEION' and ion is None:
            ion = {'ion': tok, 'read': [], 'write': [], 'valence': None}
            info['useion'].append(ion)
        elif key in ('READ', 'WRITE') and ion is not None:
            ion[key.lower()].append(tok)
        elif key == 'VALENCE' and ion is not None:
            ion['valence'] = float(tok)
        elif key in ('RANGE', 'GLOBAL'):
            info[key.lower()].append(tok)
        elif key == 'NONSPECIFIC_CURRENT':
            info['nonspecific'].append(tok)
        elif key == 'ELECTRODE_CURRENT':
            info['electrode'].append(tok)
        elif key in ('POINTER', 'BBCOREPOINTER'):
            info['pointer'].append(tok)
    for body in blocks(text, 'STATE'):
        names, arrays = declared(body)
        info['states'] += names
        info['arrays'] += arrays
    for body in blocks(text, 'ASSIGNED'):
        info['assigned'] += declared(body)[0]
    for body in blocks(text, 'PARAMETER'):
        info['parameter'] += declared(body)[0]
    info['netReceive'] = re.search(r'\bNET_RECEIVE\b', text) is not None
    return info


if __name__ == '__main__':
    import json
    import sys
    for p in sys.argv[1:]:
        print(p, json.dumps(parse(p)))
