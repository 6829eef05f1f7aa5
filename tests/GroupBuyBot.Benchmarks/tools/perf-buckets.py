# Summarises `perf script -F comm,tid,ip,sym,dso` of the bot: CPU by thread, by leaf library, by component and by
# the bot's own methods (inclusive). Usage: python3 perf-buckets.py perf.txt  (see docs/performance.md)
import sys, re, collections
path = sys.argv[1]
samples = []
cur = None
for line in open(path, errors='replace'):
    if not line.strip():
        if cur: samples.append(cur); cur = None
        continue
    if not line.startswith('\t') and not line.startswith(' '):
        comm = line.rsplit(' ', 2)[0].strip()
        cur = (comm, [])
        continue
    m = re.match(r'\s*([0-9a-f]+)\s+(.*)\s+\((.*)\)\s*$', line)
    if m and cur is not None:
        cur[1].append((m.group(2), m.group(3)))
if cur: samples.append(cur)
N = len(samples)
print(f"samples {N}")
def pct(c): return f"{100.0*c/N:5.1f}%"
leaf = collections.Counter(); thread = collections.Counter(); ours = collections.Counter(); comp = collections.Counter()
ourincl = collections.Counter()
def leafcat(sym, dso):
    if 'e_sqlite3' in dso: return 'SQLite (native)'
    if 'kernel' in dso: return 'kernel'
    if 'libclrjit' in dso: return 'JIT compiler'
    if 'libcoreclr' in dso: return 'runtime (GC, type system, stubs)'
    if 'perf-' in dso or 'memfd' in dso:
        if 'RegularExpressions' in sym: return 'managed: Regex'
        if 'EntityFrameworkCore' in sym: return 'managed: EF Core'
        if 'Microsoft.Data.Sqlite' in sym or 'SQLitePCL' in sym: return 'managed: Microsoft.Data.Sqlite'
        if 'System.Text.Json' in sym: return 'managed: System.Text.Json'
        if '[GroupBuyBot' in sym: return 'managed: GroupBuyBot code'
        if 'System.Linq.Expressions' in sym: return 'managed: Linq.Expressions'
        if 'System.Net' in sym: return 'managed: System.Net (HTTP, sockets)'
        if 'Telegram.Bot' in sym: return 'managed: Telegram.Bot'
        return 'managed: other (CoreLib, collections, async)'
    if 'libc.so' in dso: return 'libc (malloc, memcpy, locks)'
    return 'other: ' + dso.split('/')[-1]
components = [
  ('EF query execution (QueryCompiler.Execute*)', 'QueryCompiler::Execute'),
  ('EF SaveChanges', 'SaveChanges'),
  ('EF ExecuteUpdate/ExecuteDelete', 'EntityFrameworkQueryableExtensions::Execute'),
  ('EF query compile (cache miss: QueryCompilationContext / CompileQuery)', 'CompileQueryCore'),
  ('DbContext creation / pooled factory', 'CreateDbContext'),
  ('SqliteConnection.Open', 'SqliteConnection::Open'),
  ('BeginTransaction', 'BeginTransaction'),
  ('HTTP client (SocketsHttpHandler)', 'System.Net.Http'),
  ('Telegram.Bot request/response', 'Telegram.Bot'),
  ('System.Text.Json', 'System.Text.Json'),
  ('Regex', 'RegularExpressions'),
  ('Logging', 'Microsoft.Extensions.Logging'),
]
pat = re.compile(r'\[GroupBuyBot\.[A-Za-z]+\] (GroupBuyBot[^\(]*)')
for comm, frames in samples:
    thread[comm] += 1
    if frames: leaf[leafcat(*frames[0])] += 1
    else: leaf['no stack'] += 1
    syms = [f[0] for f in frames]
    joined = '\n'.join(syms)
    for name, key in components:
        if key in joined: comp[name] += 1
    first = None; seen=set()
    for s in syms:
        m = pat.search(s)
        if m:
            n = m.group(1)
            n = re.sub(r'\+<([^>]*)>d__\d+(`\d+)?(\[[^\]]*\])?::MoveNext', r'.\1', n)
            n = re.sub(r'\+<>c__DisplayClass[0-9_]+\+<<([^>]*)>b__\d+>d::MoveNext', r'.\1(lambda)', n)
            n = n.replace('GroupBuyBot.Infrastructure.', '').replace('GroupBuyBot.Core.', 'Core.')
            if first is None: first = n
            if n not in seen: ourincl[n] += 1; seen.add(n)
    ours[first or ('(no GroupBuyBot frame) ' + comm)] += 1
def show(title, c, k=25):
    print(f"\n== {title}")
    for name, v in c.most_common(k): print(f"{pct(v)}  {name}")
show('by thread', thread, 10)
show('where the CPU is spent (leaf frame)', leaf, 20)
show('inclusive: stacks containing', comp, 20)
show('innermost GroupBuyBot method on the stack (self + everything it calls)', ours, 30)
show('inclusive per GroupBuyBot method', ourincl, 40)
