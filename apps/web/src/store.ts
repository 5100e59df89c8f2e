/**
 * The user's loaded files kept in the browser (IndexedDB) until the user clears them: a reload, a closed tab
 * or a shared link opened later on the same machine finds them again. Only the file text and name are
 * stored; they are read again with the same readers on restore, so nothing unvalidated is ever shown.
 */
export interface StoredFile {
  /** `assessment:<commune code>` or `dossiers`. */
  key: string;
  name: string;
  text: string;
  savedAt: string;
}

const DB = 'cdsx-portal';
const STORE = 'files';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = f(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** Every stored file; an unavailable IndexedDB (private mode, old browser) gives none. */
export async function storedFiles(): Promise<StoredFile[]> {
  try {
    return await run('readonly', (s) => s.getAll() as IDBRequest<StoredFile[]>);
  } catch {
    return [];
  }
}

/** Keep a file (replacing the one with the same key). Returns false when storage is unavailable. */
export async function storeFile(file: StoredFile): Promise<boolean> {
  try {
    await run('readwrite', (s) => s.put(file));
    return true;
  } catch {
    return false;
  }
}

/** Forget every stored file. */
export async function clearStoredFiles(): Promise<void> {
  try {
    await run('readwrite', (s) => s.clear());
  } catch {
    // Nothing stored, nothing to clear.
  }
}
