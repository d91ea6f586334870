//! Safe writes of the wins ledger: an advisory lock so two writers cannot
//! interleave, the current file read and parsed under the lock (a file that
//! does not read is never rewritten), a `.bak` of it, then the new text to a
//! temporary file in the same directory, flushed to disk, renamed over the
//! old one, and the directory flushed. A crash at any step leaves the old
//! file or the new one, never a mix.
//!
//! Debug builds stop dead (`abort`) at a named step when
//! `DAXIN_FAULT_STEP` names it — `locked`, `backed-up`, `temp-created`,
//! `half-written`, `written`, `synced`, `renamed` — and the fault test uses
//! it to kill a writer between each step and check what is left.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::CliError;

fn fault(step: &str) {
    #[cfg(debug_assertions)]
    if std::env::var("DAXIN_FAULT_STEP").is_ok_and(|s| s == step) {
        std::process::abort();
    }
    #[cfg(not(debug_assertions))]
    let _ = step;
}

/// A write that failed: the output could not be written (exit 3).
fn io(what: daxin::Why, path: &Path, e: std::io::Error) -> CliError {
    let at = daxin::Why::labelled(&daxin::Why::name(path.display().to_string()), &what);
    CliError {
        msg: daxin::Why::labelled(&at, &daxin::Why::io(&e)),
        code: 3,
    }
}

/// A ledger that cannot be read: a bad file (exit 2).
fn unreadable(path: &Path, why: daxin::Why) -> CliError {
    let at = daxin::Why::labelled(
        &daxin::Why::name(path.display().to_string()),
        &daxin::why!("cannot read", "无法读取"),
    );
    CliError::user(daxin::Why::labelled(&at, &why))
}

/// Whether the ledger exists: `false` for no file yet, an error (exit 2)
/// for anything but a regular file.
fn exists_as_file(path: &Path) -> Result<bool, CliError> {
    match fs::metadata(path) {
        Ok(m) if m.is_dir() => Err(unreadable(
            path,
            daxin::why!("a directory, not a ledger file", "是目录，不是中签记录文件"),
        )),
        Ok(m) if !m.is_file() => {
            let kind = super::output::special_kind(&m.file_type());
            Err(unreadable(
                path,
                daxin::Why::pair(
                    format!("{}, not a ledger file", kind.text(daxin::Lang::En)),
                    format!("{}，不是中签记录文件", kind.text(daxin::Lang::Zh)),
                ),
            ))
        }
        Ok(_) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(unreadable(path, daxin::Why::io(&e))),
    }
}

/// The ledger's text, or `None` when there is no file yet. Anything but a
/// regular file — a directory, a FIFO (whose read would wait for a
/// writer), a device, a socket — is refused before it is opened.
pub fn read(path: &Path) -> Result<Option<String>, CliError> {
    if !exists_as_file(path)? {
        return Ok(None);
    }
    match fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes).map(Some).map_err(|_| {
            let p = path.display();
            CliError::user(daxin::why!(
                "{p}: not UTF-8 text; the ledger is never rewritten unless it reads",
                "{p}：不是 UTF-8 文本；中签记录只有能读取时才会改写"
            ))
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(unreadable(path, daxin::Why::io(&e))),
    }
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "wins.toml".into());
    path.with_file_name(format!("{name}{suffix}"))
}

/// Writes `text` to `path` through a temporary file in the same directory:
/// write, flush to disk, rename, flush the directory.
fn replace(path: &Path, text: &[u8], steps: bool) -> Result<(), CliError> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = sibling(path, &format!(".tmp-{}", std::process::id()));
    let mut f = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .map_err(|e| {
            io(
                daxin::why!("cannot create a temporary file", "无法创建临时文件"),
                &tmp,
                e,
            )
        })?;
    if steps {
        fault("temp-created");
    }
    let half = text.len() / 2;
    f.write_all(&text[..half])
        .map_err(|e| io(daxin::why!("cannot write", "无法写入"), &tmp, e))?;
    if steps {
        f.flush()
            .map_err(|e| io(daxin::why!("cannot write", "无法写入"), &tmp, e))?;
        fault("half-written");
    }
    f.write_all(&text[half..])
        .map_err(|e| io(daxin::why!("cannot write", "无法写入"), &tmp, e))?;
    if steps {
        fault("written");
    }
    f.sync_all()
        .map_err(|e| io(daxin::why!("cannot flush to disk", "无法写入磁盘"), &tmp, e))?;
    drop(f);
    if steps {
        fault("synced");
    }
    fs::rename(&tmp, path).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        io(
            daxin::why!(
                "cannot rename the temporary file into place",
                "无法把临时文件改名为目标文件"
            ),
            path,
            e,
        )
    })?;
    if steps {
        fault("renamed");
    }
    // the rename itself reaches the disk when the directory is flushed
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Updates the ledger at `path` under an exclusive lock: `change` gets the
/// current text (`None` for no file) and returns the new text, or an error
/// that leaves the file untouched. Returns what `change` returned.
pub fn update<T>(
    path: &Path,
    change: impl FnOnce(Option<&str>) -> Result<(String, T), CliError>,
) -> Result<T, CliError> {
    // a directory or a FIFO is refused before a lock file is made beside it
    exists_as_file(path)?;
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(|e| {
            io(
                daxin::why!("cannot create the directory", "无法创建目录"),
                dir,
                e,
            )
        })?;
    }
    let lock_path = sibling(path, ".lock");
    let lock = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&lock_path)
        .map_err(|e| {
            io(
                daxin::why!("cannot open the lock file", "无法打开锁文件"),
                &lock_path,
                e,
            )
        })?;
    // another writer holds it: wait for it (advisory, per open file)
    // (the crate's call, named in full: std's File::lock needs Rust 1.89)
    fs4::FileExt::lock(&lock)
        .map_err(|e| io(daxin::why!("cannot lock", "无法加锁"), &lock_path, e))?;
    fault("locked");
    let old = read(path)?;
    let (new, out) = change(old.as_deref())?;
    if let Some(old) = &old {
        if *old == new {
            return Ok(out);
        }
        replace(&sibling(path, ".bak"), old.as_bytes(), false)?;
    }
    fault("backed-up");
    replace(path, new.as_bytes(), true)?;
    drop(lock);
    Ok(out)
}
