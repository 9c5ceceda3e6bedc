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
    anyhow::ensure!(
        args.timeout.is_finite() && args.timeout > 0.0,
        "--timeout {}: expected a positive number of seconds",
        args.timeout
    );
    let path = args.store.path();
    let store = KnowledgeStore::open_read_only(&path)?;
    if addrs.iter().any(|a| !a.ip().is_loopback()) {
        eprintln!("newskg: warning: listening on {}, reachable from other machines", args.bind);
    }
    let options = ServeOptions {
        timeout: Duration::from_secs_f64(args.timeout),
        max_body: args.max_body,
        allow_service: args.allow_service,
    };
    let shown: Vec<String> = addrs.iter().map(|a| format!("http://{a}/")).collect();
    eprintln!(
        "newskg: serving {} ({} quads) read-only at {} (SPARQL endpoint: /sparql); Ctrl-C stops",
        path.display(),
        store.len()?,
        shown.join(", ")
    );
    serve(store.inner().clone(), &addrs, options).with_context(|| format!("cannot serve on {}", args.bind))?;
    Ok(true)
}
