//! `newskg serve`: the store as a read-only SPARQL endpoint.

use std::net::{SocketAddr, ToSocketAddrs};
use std::time::Duration;

use anyhow::Context;

use crate::cli::ServeArgs;
use crate::serve::{serve, ServeOptions};
use crate::store::KnowledgeStore;

pub fn run(args: &ServeArgs) -> anyhow::Result<bool> {
    let addrs: Vec<SocketAddr> = args
        .bind
        .to_socket_addrs()
        .with_context(|| format!("--bind {}: not an address to listen on (HOST:PORT)", args.bind))?
        .collect();
    anyhow::ensure!(!addrs.is_empty(), "--bind {}: the name has no address", args.bind);
    let seconds = |flag: &str, value: f64| -> anyhow::Result<Duration> {
        anyhow::ensure!(
            value.is_finite() && value > 0.0 && value < 1e9,
            "--{flag} {value}: expected a positive number of seconds"
        );
        Ok(Duration::from_secs_f64(value))
    };
    let timeout = seconds("timeout", args.timeout)?;
    let read_timeout = seconds("read-timeout", args.read_timeout)?;
    let write_timeout = seconds("write-timeout", args.write_timeout)?;
    anyhow::ensure!(args.workers > 0, "--workers 0: expected at least one worker thread");
    anyhow::ensure!(args.max_connections > 0, "--max-connections 0: expected at least one connection");
    let path = args.store.path();
    let store = KnowledgeStore::open_read_only(&path)?;
    if addrs.iter().any(|a| !a.ip().is_loopback()) {
        eprintln!("newskg: warning: listening on {}, reachable from other machines", args.bind);
    }
    let options = ServeOptions {
        timeout,
        max_body: args.max_body,
        max_result: args.max_result,
        workers: args.workers,
        max_connections: args.max_connections,
        read_timeout,
        write_timeout,
        allow_service: args.allow_service,
    };
    let shown: Vec<String> = addrs.iter().map(|a| format!("http://{a}/")).collect();
    eprintln!(
        "newskg: serving {} ({} quads) read-only at {} (SPARQL endpoint: /sparql) with {} workers, at most {} \
         connections; Ctrl-C stops",
        path.display(),
        store.len()?,
        shown.join(", "),
        args.workers,
        args.max_connections
    );
    serve(store.inner().clone(), &addrs, options).with_context(|| format!("cannot serve on {}", args.bind))?;
    Ok(true)
}
