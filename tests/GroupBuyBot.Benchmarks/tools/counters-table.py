# A table of `dotnet-counters collect --format csv --counters System.Runtime --refresh-interval 2` output, one row
# per interval. Usage: python3 counters-table.py counters.csv  (see docs/performance.md)
import csv, sys, collections
rows = collections.defaultdict(dict)
for r in csv.DictReader(open(sys.argv[1])):
    rows[r['Timestamp']][r['Counter Name']] = float(r['Mean/Increment'] or 0)
keys = [
 ('cpu', lambda d: d.get('dotnet.process.cpu.time (s / 2 sec)[cpu.mode=user]',0)+d.get('dotnet.process.cpu.time (s / 2 sec)[cpu.mode=system]',0)),
 ('allocMB', lambda d: d.get('dotnet.gc.heap.total_allocated (By / 2 sec)',0)/1e6),
 ('g0', lambda d: d.get('dotnet.gc.collections ({collection} / 2 sec)[gc.heap.generation=gen0]',0)),
 ('g1', lambda d: d.get('dotnet.gc.collections ({collection} / 2 sec)[gc.heap.generation=gen1]',0)),
 ('g2', lambda d: d.get('dotnet.gc.collections ({collection} / 2 sec)[gc.heap.generation=gen2]',0)),
 ('pause', lambda d: d.get('dotnet.gc.pause.time (s / 2 sec)',0)),
 ('jitN', lambda d: d.get('dotnet.jit.compiled_methods ({method} / 2 sec)',0)),
 ('jitS', lambda d: d.get('dotnet.jit.compilation.time (s / 2 sec)',0)),
 ('wsMB', lambda d: d.get('dotnet.process.memory.working_set (By)',0)/1e6),
 ('gen2MB', lambda d: d.get('dotnet.gc.last_collection.heap.size (By)[gc.heap.generation=gen2]',0)/1e6),
 ('lohMB', lambda d: d.get('dotnet.gc.last_collection.heap.size (By)[gc.heap.generation=loh]',0)/1e6),
 ('commitMB', lambda d: d.get('dotnet.gc.last_collection.memory.committed_size (By)',0)/1e6),
 ('locks', lambda d: d.get('dotnet.monitor.lock_contentions ({contention} / 2 sec)',0)),
 ('exc', lambda d: sum(v for k,v in d.items() if k.startswith('dotnet.exceptions'))),
 ('tpq', lambda d: d.get('dotnet.thread_pool.queue.length ({work_item} / 2 sec)',0)),
 ('tpthreads', lambda d: d.get('dotnet.thread_pool.thread.count ({thread} / 2 sec)',0)),
]
print('time      ' + ' '.join(f'{k:>8}' for k,_ in keys))
for t in sorted(rows):
    d = rows[t]
    print(t[-8:] + '  ' + ' '.join(f'{f(d):8.2f}' for _,f in keys))
