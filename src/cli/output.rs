//! Where output goes: stdout, or a file written atomically.
//!
//! A file named by `-o` is written to a temporary name beside its target
//! (by a second thread, which flushes it to disk as it goes), flushed and
//! renamed over it, so a reader never sees half a file.
//! The target must be a regular file or a new path: a directory, a FIFO, a
//! device or a socket is refused (exit 2), never replaced. A symlink is
//! written through: the link stays, its target is replaced, and the
//! target's permissions are kept. The temporary file is removed on every
//! error and on SIGINT, SIGTERM and SIGHUP, so no `.NAME.tmp-PID` is left.

use std::fs::{self, File, Permissions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::{Mutex, Once};
use std::thread::JoinHandle;

use super::CliError;
use daxin::Why;

/// The exit code of every command when its output cannot be written (a
/// full disk, a closed terminal): documented in the README.
pub const WRITE_ERROR: u8 = 3;

/// Temporary files to remove if the process is interrupted.
static TEMPS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
static HANDLER: Once = Once::new();

fn track(p: &Path) {
    HANDLER.call_once(|| {
        // On a signal: remove every temporary file, then exit as a shell
        // expects of an interrupted program (128 + SIGINT).
        let _ = ctrlc::set_handler(|| {
            if let Ok(temps) = TEMPS.lock() {
                for t in temps.iter() {
                    let _ = fs::remove_file(t);
                }
            }
            std::process::exit(130);
        });
    });
    if let Ok(mut t) = TEMPS.lock() {
        t.push(p.to_path_buf());
    }
}

fn untrack(p: &Path) {
    if let Ok(mut t) = TEMPS.lock() {
        t.retain(|x| x != p);
    }
}

/// An error writing the output: one exit code for every command.
pub fn write_error(what: Why, e: io::Error) -> CliError {
    CliError {
        msg: Why::labelled(&what, &Why::io(&e)),
        code: WRITE_ERROR,
    }
}

/// What a failed write of the output says before the system's error.
pub fn cannot_write_output() -> Why {
    daxin::why!("cannot write the output", "无法写入输出")
}

fn refuse(flag: &str, path: &Path, what: &Why) -> CliError {
    let p = path.display();
    CliError {
        msg: Why::pair(
            format!(
                "{flag} {p}: is {}; give a regular file or a new path",
                what.en()
            ),
            format!("{flag} {p}：{}；请给出普通文件或新路径", what.zh()),
        ),
        code: 2,
    }
}

/// The file `path` names, through any symlinks, and its permissions when
/// it exists; an error for anything but a regular file or a new path.
fn resolve(flag: &str, path: &Path) -> Result<(PathBuf, Option<Permissions>), CliError> {
    let mut target = path.to_path_buf();
    // follow links by hand, so that a link to a path not yet there works
    for _ in 0..40 {
        match fs::symlink_metadata(&target) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = fs::read_link(&target)
                    .map_err(|e| write_error(Why::name(format!("{flag} {}", path.display())), e))?;
                target = match target.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                };
            }
            Ok(m) => {
                let ft = m.file_type();
                if ft.is_file() {
                    return Ok((target, Some(m.permissions())));
                }
                let what = if ft.is_dir() {
                    daxin::why!("a directory", "是目录")
                } else {
                    special_kind(&ft)
                };
                return Err(refuse(flag, path, &what));
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((target, None)),
            Err(e) => {
                return Err(write_error(
                    Why::name(format!("{flag} {}", path.display())),
                    e,
                ))
            }
        }
    }
    Err(refuse(
        flag,
        path,
        &daxin::why!("a loop of symlinks", "是循环的符号链接"),
    ))
}

#[cfg(unix)]
pub(super) fn special_kind(ft: &fs::FileType) -> Why {
    use std::os::unix::fs::FileTypeExt;
    if ft.is_fifo() {
        daxin::why!("a FIFO", "是命名管道（FIFO）")
    } else if ft.is_block_device() || ft.is_char_device() {
        daxin::why!("a device", "是设备文件")
    } else if ft.is_socket() {
        daxin::why!("a socket", "是套接字")
    } else {
        daxin::why!("not a regular file", "不是普通文件")
    }
}

#[cfg(not(unix))]
pub(super) fn special_kind(_: &fs::FileType) -> Why {
    daxin::why!("not a regular file", "不是普通文件")
}

/// Bytes gathered before they are handed to the writing thread.
const CHUNK: usize = 1 << 20;
/// Chunks in flight between the two threads (the memory held is bounded:
/// about this many chunks, whatever the file's size).
const IN_FLIGHT: usize = 4;
/// The writing thread asks the disk to catch up every this many bytes, so
/// that the last flush before the rename waits for little.
const SYNC_EVERY: usize = 32 << 20;

/// The thread that writes a file's chunks and flushes them to disk as it
/// goes, while the caller computes the next ones: a large output's disk
/// writes overlap the work instead of all waiting at the end (measured on
/// `daxin batch -o`: 198 MB flushed at the end took 0.1–0.6 s after 0.56 s
/// of work).
struct Writer {
    chunks: Option<SyncSender<Vec<u8>>>,
    spare: Receiver<Vec<u8>>,
    thread: Option<JoinHandle<io::Result<File>>>,
    buf: Vec<u8>,
}

impl Writer {
    fn start(mut file: File) -> Writer {
        let (tx, rx) = sync_channel::<Vec<u8>>(IN_FLIGHT);
        let (back_tx, back_rx) = sync_channel::<Vec<u8>>(IN_FLIGHT + 2);
        let thread = std::thread::spawn(move || {
            let mut unsynced = 0usize;
            for mut chunk in rx {
                file.write_all(&chunk)?;
                unsynced += chunk.len();
                if unsynced >= SYNC_EVERY {
                    file.sync_data()?;
                    unsynced = 0;
                }
                chunk.clear();
                // the caller may be gone, or have spares enough
                let _ = back_tx.try_send(chunk);
            }
            Ok(file)
        });
        Writer {
            chunks: Some(tx),
            spare: back_rx,
            thread: Some(thread),
            buf: Vec::with_capacity(CHUNK),
        }
    }

    /// Hands the gathered bytes to the thread; its error, if it stopped.
    fn send(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let next = self
            .spare
            .try_recv()
            .unwrap_or_else(|_| Vec::with_capacity(CHUNK));
        let full = std::mem::replace(&mut self.buf, next);
        let sent = self.chunks.as_ref().map(|tx| tx.send(full));
        match sent {
            Some(Ok(())) => Ok(()),
            // the thread stopped on an error: that error
            _ => Err(self
                .finish()
                .err()
                .unwrap_or_else(|| io::Error::other("the writing thread stopped"))),
        }
    }

    /// Every chunk written; the file back from the thread.
    fn finish(&mut self) -> io::Result<File> {
        self.chunks = None;
        match self.thread.take().map(JoinHandle::join) {
            Some(Ok(r)) => r,
            Some(Err(_)) => Err(io::Error::other("the writing thread panicked")),
            None => Err(io::Error::other("file already closed")),
        }
    }
}

impl Write for Writer {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        // in chunks of at most CHUNK bytes, however much comes at once (a
        // batch writes a block's rows, ~15 MiB, in one call): the buffers
        // in flight stay a chunk each, and the memory held stays flat
        let mut rest = data;
        while !rest.is_empty() {
            let take = (CHUNK - self.buf.len()).min(rest.len());
            self.buf.extend_from_slice(&rest[..take]);
            rest = &rest[take..];
            if self.buf.len() >= CHUNK {
                self.send()?;
            }
        }
        Ok(data.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A file written to a temporary name beside its target and renamed over
/// it when complete.
pub struct AtomicFile {
    tmp: PathBuf,
    target: PathBuf,
    /// What the user typed, for messages.
    shown: String,
    perms: Option<Permissions>,
    file: Option<Writer>,
}

impl AtomicFile {
    /// Opens the temporary file for `path` (named by `flag` in errors).
    pub fn create(flag: &str, path: &Path) -> Result<AtomicFile, CliError> {
        let shown = format!("{flag} {}", path.display());
        let (target, perms) = resolve(flag, path)?;
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .ok_or_else(|| refuse(flag, path, &daxin::why!("not a file name", "不是文件名")))?;
        let tmp = target.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
        track(&tmp);
        let file = match File::create(&tmp) {
            Ok(f) => f,
            Err(e) => {
                untrack(&tmp);
                return Err(write_error(Why::name(shown), e));
            }
        };
        Ok(AtomicFile {
            tmp,
            target,
            shown,
            perms,
            file: Some(Writer::start(file)),
        })
    }

    /// Flushes the file to disk and renames it over the target.
    pub fn commit(mut self) -> Result<(), CliError> {
        let shown = self.shown.clone();
        let fail = |e: io::Error| write_error(Why::name(shown.clone()), e);
        if let Some(mut w) = self.file.take() {
            let last = w.send();
            let f = w.finish();
            let f = last.and(f).map_err(fail)?;
            if let Some(p) = &self.perms {
                f.set_permissions(p.clone()).map_err(fail)?;
            }
            f.sync_all().map_err(fail)?;
            drop(f);
            fs::rename(&self.tmp, &self.target).map_err(fail)?;
            untrack(&self.tmp);
            // the rename itself reaches the disk with the directory
            if let Some(dir) = self.target.parent().filter(|d| !d.as_os_str().is_empty()) {
                if let Ok(d) = File::open(dir) {
                    let _ = d.sync_all();
                }
            }
        }
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.file {
            Some(f) => f.write(buf),
            None => Err(io::Error::other("file already committed")),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match &mut self.file {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if let Some(mut w) = self.file.take() {
            // the thread is done with the file before it goes
            let _ = w.finish();
            let _ = fs::remove_file(&self.tmp);
            untrack(&self.tmp);
        }
    }
}

/// Writes `s` to stdout; a reader that left (`daxin … | head`) is not an
/// error, anything else is [`WRITE_ERROR`].
pub fn to_stdout(s: &str) -> Result<(), CliError> {
    let mut out = io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(write_error(cannot_write_output(), e)),
    }
}
