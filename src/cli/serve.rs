//! `daxin serve [--port P] [--open] [--ledger FILE]`: the page of
//! `daxin::web` on 127.0.0.1 and ::1 only, on a current-thread tokio
//! runtime. The only file a request can make it read is the ledger named
//! here; it writes none.

use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use daxin::web::{self, AppState, LedgerReader};

use super::args::{Common, ServeArgs};
use super::{load_config, load_data, store, today, wins, CliError};

fn io_err(what: daxin::Why, e: std::io::Error) -> CliError {
    CliError {
        msg: daxin::Why::labelled(&what, &daxin::Why::io(&e)),
        code: 2,
    }
}

/// Runs the server until the process is stopped.
pub fn serve(a: &ServeArgs, common: &Common) -> Result<(), CliError> {
    let port: u16 = a.port.trim().parse().map_err(|_| {
        daxin::Error::invalid(
            "--port",
            &a.port,
            daxin::why!("a port number, 0 to 65535", "端口号，0 到 65535"),
        )
    })?;
    let data = load_data(common)?;
    let config = load_config(common.config.as_deref())?;
    let ledger = wins::ledger_path(a.ledger.as_deref()).ok().map(|path| {
        let name = path.display().to_string();
        let read: LedgerReader = Arc::new(move || store::read(&path).map_err(|e| e.why().clone()));
        (name, read)
    });
    let state = AppState::with_clock(data, config, Arc::new(today), ledger);
    let app = web::router(state);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()
        .map_err(|e| io_err(daxin::why!("cannot start the server", "无法启动服务"), e))?;
    rt.block_on(async move {
        let v4 = tokio::net::TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, port)))
            .await
            .map_err(|e| {
                io_err(
                    daxin::why!(
                        "cannot listen on 127.0.0.1:{port}",
                        "无法监听 127.0.0.1:{port}"
                    ),
                    e,
                )
            })?;
        let port = v4
            .local_addr()
            .map_err(|e| io_err(daxin::why!("cannot listen", "无法监听"), e))?
            .port();
        // ::1 as well, on the same port, when the machine has IPv6
        let v6 = tokio::net::TcpListener::bind(SocketAddr::from((Ipv6Addr::LOCALHOST, port)))
            .await
            .map_err(|e| eprintln!("daxin serve: not on [::1]:{port}: {e}"))
            .ok();
        let url = format!("http://127.0.0.1:{port}/");
        eprintln!(
            "daxin serve: {url}{} (Ctrl-C to stop)",
            if v6.is_some() {
                format!(" and http://[::1]:{port}/")
            } else {
                String::new()
            }
        );
        if a.open {
            open_browser(&url);
        }
        let first = axum::serve(v4, app.clone());
        let served = match v6 {
            Some(l) => {
                let (x, y) = tokio::join!(first, axum::serve(l, app));
                x.and(y)
            }
            None => first.await,
        };
        served.map_err(|e| io_err(daxin::why!("the server stopped", "服务已停止"), e))
    })
}

/// Asks the desktop to open `url`; a failure is only reported.
fn open_browser(url: &str) {
    let cmd = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    if let Err(e) = std::process::Command::new(cmd.0)
        .args(&cmd.1)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
    {
        eprintln!(
            "daxin serve: cannot open a browser ({}): {e}; open {url}",
            cmd.0
        );
    }
}
