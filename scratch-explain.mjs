import Database from 'better-sqlite3';
const db = new Database('/tmp/rs/plan.db', { readonly: true });
db.pragma('cache_size = -' + (process.env.CACHE ?? 2000)); db.pragma('mmap_size = ' + (process.env.MMAP ?? 0));
const q = process.argv[2];
for (const r of db.prepare('explain query plan ' + q).all()) console.log(r.id, r.parent, r.detail);
for (let i = 0; i < 5; i++) { let t = performance.now(); const rows = db.prepare(q).all(); console.log(rows.length, (performance.now() - t).toFixed(1), 'ms'); }
