//! The HTTP/1.1 connection layer of `newskg serve`, with bounds that hold under load and against slow clients
//! (issue 20).
//!
//! oxhttp's server, used before, starts a thread for each connection and times out each read rather than the
//! request: a client trickling one header byte every few seconds (slowloris) held its thread for ever, and once its
//! 64 threads were taken, new connections waited in the kernel's backlog with no answer at all. Here:
//!
//! - each connection has a thread that only reads requests and writes responses, up to `max_connections` at once;
//!   one more is answered 503 at once and closed;
//! - a request must arrive whole (head and body) within `read_timeout` of the connection or of the previous
//!   response, else it gets 408 and the connection is closed; a response must be taken within `write_timeout`;
//! - the handler (where queries are evaluated) runs on a fixed pool of `workers` threads; requests wait for one in
//!   the order they came, and one that waited longer than `max_wait` is answered 503 without being run;
//! - a body above `max_body` gets 413 without being read into memory, a head above 16 KiB gets 431;
//! - responses waiting for slow clients to take them hold at most `max_held` bytes in all; beyond, 503.
//!
//! The request and response types are oxhttp's (the `http` crate's), so the endpoint does not depend on this layer.

use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use oxhttp::model::header::{CONNECTION, CONTENT_LENGTH, CONTENT_TYPE, EXPECT, TRANSFER_ENCODING};
use oxhttp::model::{
    request, response, Body, HeaderName, HeaderValue, Method, Request, Response, StatusCode, Uri, Version,
};

/// Largest request head (request line and headers), in bytes.
const MAX_HEAD: usize = 16 * 1024;
/// Most header lines in a request.
const MAX_HEADERS: usize = 100;
/// Connections being answered 503 at once; beyond, a connection is closed with no answer.
const MAX_REJECTING: usize = 32;
/// How long a refused or finished connection is read from (and discarded) before it is closed, so that the client
/// reads the answer rather than a reset.
const LINGER: Duration = Duration::from_millis(500);
/// Stack of a connection thread: it parses and copies bytes, the handler runs on a worker.
const CONNECTION_STACK: usize = 256 * 1024;

/// The bounds of the server; see the module documentation.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Threads that run the handler.
    pub workers: usize,
    /// Open connections at most.
    pub max_connections: usize,
    /// Time to receive a whole request.
    pub read_timeout: Duration,
    /// Time to send a whole response.
    pub write_timeout: Duration,
    /// Longest wait for a worker.
    pub max_wait: Duration,
    /// Largest request body, in bytes.
    pub max_body: usize,
    /// Largest total of response bytes held for clients still reading them.
    pub max_held: usize,
}

/// What answers each request.
pub type Handler = dyn Fn(&mut Request<Body>) -> Response<Body> + Send + Sync;

/// A request waiting for a worker (oxhttp's `Body` may hold a reader that is not `Send`: bytes cross threads).
struct Job {
    head: request::Parts,
    body: Vec<u8>,
    queued: Instant,
    reply: mpsc::Sender<Answer>,
}

/// A response as it crosses back to the connection's thread.
struct Answer {
    head: response::Parts,
    body: Vec<u8>,
}

impl From<Response<Body>> for Answer {
    fn from(response: Response<Body>) -> Self {
        let (head, body) = response.into_parts();
        // The endpoint's bodies are in memory: reading them cannot fail.
        Answer { head, body: body.to_vec().unwrap_or_default() }
    }
}

struct Shared {
    limits: Limits,
    open: AtomicUsize,
    rejecting: AtomicUsize,
    held: AtomicUsize,
}

/// Listen on `addrs` and answer each request with `handler` until the process is stopped.
pub fn serve(addrs: &[SocketAddr], limits: Limits, handler: Arc<Handler>) -> io::Result<()> {
    let listeners = addrs.iter().map(TcpListener::bind).collect::<io::Result<Vec<_>>>()?;
    let (jobs, queue) = mpsc::channel::<Job>();
    let queue = Arc::new(Mutex::new(queue));
    for i in 0..limits.workers.max(1) {
        let queue = Arc::clone(&queue);
        let handler = Arc::clone(&handler);
        let max_wait = limits.max_wait;
        let _worker = std::thread::Builder::new().name(format!("newskg serve worker {i}")).spawn(move || loop {
            let job = queue.lock().unwrap_or_else(PoisonError::into_inner).recv();
            let Ok(job) = job else { return };
            let response = if job.queued.elapsed() > max_wait {
                busy(format!(
                    "the request waited {:.0} s for a worker, longer than the server's timeout; try again later",
                    job.queued.elapsed().as_secs_f64()
                ))
            } else {
                // A panic in the handler answers 500 and leaves the worker serving.
                let mut request = Request::from_parts(job.head, Body::from(job.body));
                catch_unwind(AssertUnwindSafe(|| Answer::from(handler(&mut request)))).unwrap_or_else(|_| {
                    simple(StatusCode::INTERNAL_SERVER_ERROR, "the server failed on this request".to_string())
                })
            };
            let _ = job.reply.send(response);
        })?;
    }
    let shared = Arc::new(Shared {
        limits,
        open: AtomicUsize::new(0),
        rejecting: AtomicUsize::new(0),
        held: AtomicUsize::new(0),
    });
    let mut acceptors = Vec::new();
    for listener in listeners {
        let shared = Arc::clone(&shared);
        let jobs = jobs.clone();
        acceptors.push(std::thread::Builder::new().name("newskg serve acceptor".into()).spawn(move || {
            for stream in listener.incoming() {
                match stream {
                    Ok(stream) => accept(stream, &shared, &jobs),
                    // Out of file descriptors or the like: wait a little rather than spin.
                    Err(_) => std::thread::sleep(Duration::from_millis(10)),
                }
            }
        })?);
    }
    for a in acceptors {
        a.join().map_err(|_| io::Error::other("the listening thread panicked"))?;
    }
    Ok(())
}

/// One open connection (or one being refused), counted until dropped.
struct Count {
    shared: Arc<Shared>,
    refused: bool,
}

impl Drop for Count {
    fn drop(&mut self) {
        let counter = if self.refused { &self.shared.rejecting } else { &self.shared.open };
        counter.fetch_sub(1, Ordering::SeqCst);
    }
}

fn accept(stream: TcpStream, shared: &Arc<Shared>, jobs: &mpsc::Sender<Job>) {
    let _ = stream.set_nodelay(true);
    if shared.open.fetch_add(1, Ordering::SeqCst) >= shared.limits.max_connections {
        shared.open.fetch_sub(1, Ordering::SeqCst);
        if shared.rejecting.fetch_add(1, Ordering::SeqCst) >= MAX_REJECTING {
            shared.rejecting.fetch_sub(1, Ordering::SeqCst);
            return; // dropped: closed with no answer
        }
        let count = Count { shared: Arc::clone(shared), refused: true };
        let max = shared.limits.max_connections;
        let _ = std::thread::Builder::new().stack_size(CONNECTION_STACK).spawn(move || {
            let _count = count;
            refuse_busy(stream, max);
        });
        return;
    }
    let count = Count { shared: Arc::clone(shared), refused: false };
    let jobs = jobs.clone();
    // If the thread cannot start, the closure (stream and count) is dropped: the connection closes.
    let _ = std::thread::Builder::new().stack_size(CONNECTION_STACK).spawn(move || {
        let shared = Arc::clone(&count.shared);
        Connection { stream, buffer: Vec::new() }.serve(&shared, &jobs);
        drop(count);
    });
}

/// Answer a connection over the limit with 503, after reading its request head (briefly), so that the client
/// gets the answer.
fn refuse_busy(stream: TcpStream, max: usize) {
    let mut connection = Connection { stream, buffer: Vec::new() };
    let deadline = Instant::now() + LINGER;
    while !connection.buffer.windows(4).any(|w| w == b"\r\n\r\n") && connection.buffer.len() < MAX_HEAD {
        if !matches!(connection.fill(deadline), Ok(n) if n > 0) {
            break;
        }
    }
    let response = busy(format!(
        "the server is busy: it has {max} connections open, its limit (newskg serve --max-connections); try again"
    ));
    let _ = connection.write(&response, false, true, Instant::now() + LINGER);
    connection.linger();
}

/// A response with a one-line plain-text body.
fn simple(status: StatusCode, message: String) -> Answer {
    let mut head = Response::new(()).into_parts().0;
    head.status = status;
    head.headers.insert(CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"));
    Answer { head, body: (message + "\n").into_bytes() }
}

fn busy(message: String) -> Answer {
    let mut r = simple(StatusCode::SERVICE_UNAVAILABLE, message);
    r.head.headers.insert("Retry-After", HeaderValue::from_static("1"));
    r
}

/// Why no request could be read: the answer to send (if any) before closing.
enum Refusal {
    /// The client closed the connection, or sent nothing before the timeout: close without an answer.
    Gone,
    /// Answer this and close.
    Answer(Box<Answer>),
}

fn refuse(status: StatusCode, message: impl Into<String>) -> Refusal {
    Refusal::Answer(Box::new(simple(status, message.into())))
}

struct Connection {
    stream: TcpStream,
    /// Bytes received and not yet used (the start of a pipelined request).
    buffer: Vec<u8>,
}

impl Connection {
    fn serve(mut self, shared: &Shared, jobs: &mpsc::Sender<Job>) {
        let limits = &shared.limits;
        loop {
            let request = match self.read_request(Instant::now() + limits.read_timeout, limits) {
                Ok(r) => r,
                Err(Refusal::Gone) => return,
                Err(Refusal::Answer(response)) => {
                    // The client may still be sending (a body over the limit, a slow head): read it a moment,
                    // so that it gets the answer rather than a reset.
                    let _ = self.write(&response, false, true, Instant::now() + limits.write_timeout);
                    self.linger();
                    return;
                }
            };
            let (head, body) = request;
            let head_only = head.method == Method::HEAD;
            let close = head.version <= Version::HTTP_10
                || head.headers.get(CONNECTION).is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"close"));
            let (reply, answer) = mpsc::channel();
            if jobs.send(Job { head, body, queued: Instant::now(), reply }).is_err() {
                return;
            }
            let Ok(mut response) = answer.recv() else { return };
            // The bytes of responses not yet taken by their clients are bounded in all.
            let size = response.body.len();
            let held = shared.held.fetch_add(size, Ordering::SeqCst) + size;
            if held > limits.max_held && size > 0 {
                response =
                    busy("the server holds too many results for clients still reading them; try again".to_string());
            }
            let written = self.write(&response, head_only, close, Instant::now() + limits.write_timeout);
            shared.held.fetch_sub(size, Ordering::SeqCst);
            if written.is_err() || close {
                return;
            }
        }
    }

    /// Read more bytes into the buffer before `deadline`: the number read, 0 at the end of the stream.
    fn fill(&mut self, deadline: Instant) -> io::Result<usize> {
        let mut chunk = [0u8; 16 * 1024];
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(io::ErrorKind::TimedOut.into());
            }
            self.stream.set_read_timeout(Some(left.max(Duration::from_millis(1))))?;
            match self.stream.read(&mut chunk) {
                Ok(n) => {
                    self.buffer.extend_from_slice(&chunk[..n]);
                    return Ok(n);
                }
                Err(e) if matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut) => continue,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        }
    }

    /// At least `n` bytes in the buffer before `deadline`.
    fn fill_to(&mut self, n: usize, deadline: Instant, read_timeout: Duration) -> Result<(), Refusal> {
        while self.buffer.len() < n {
            match self.fill(deadline) {
                Ok(0) => return Err(Refusal::Gone),
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::TimedOut => return Err(too_slow(read_timeout)),
                Err(_) => return Err(Refusal::Gone),
            }
        }
        Ok(())
    }

    fn read_request(&mut self, deadline: Instant, limits: &Limits) -> Result<(request::Parts, Vec<u8>), Refusal> {
        // The head: parsed again as bytes arrive (it is at most MAX_HEAD bytes).
        let (mut builder, head_len) = loop {
            let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
            let mut parsed = httparse::Request::new(&mut headers);
            let complete = match parsed.parse(&self.buffer) {
                Ok(httparse::Status::Complete(len)) if len <= MAX_HEAD => break (request_builder(&parsed)?, len),
                Ok(httparse::Status::Complete(_)) => true,
                Ok(httparse::Status::Partial) => false,
                Err(httparse::Error::TooManyHeaders) => {
                    return Err(refuse(
                        StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
                        format!("the request has more than {MAX_HEADERS} headers"),
                    ))
                }
                Err(e) => return Err(refuse(StatusCode::BAD_REQUEST, format!("malformed HTTP request: {e}"))),
            };
            if complete || self.buffer.len() > MAX_HEAD {
                let line = self.buffer.iter().position(|&b| b == b'\n').unwrap_or(self.buffer.len());
                return Err(if line > MAX_HEAD {
                    refuse(
                        StatusCode::URI_TOO_LONG,
                        format!(
                            "the request line is longer than the server's limit of {MAX_HEAD} bytes: send a long \
                             query with POST"
                        ),
                    )
                } else {
                    refuse(
                        StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
                        format!("the request head is longer than the server's limit of {MAX_HEAD} bytes"),
                    )
                });
            }
            match self.fill(deadline) {
                Ok(0) => return Err(Refusal::Gone),
                Ok(_) => {}
                // Nothing at all before the timeout is an idle connection, closed without an answer.
                Err(e) if e.kind() == io::ErrorKind::TimedOut && self.buffer.is_empty() => return Err(Refusal::Gone),
                Err(e) if e.kind() == io::ErrorKind::TimedOut => return Err(too_slow(limits.read_timeout)),
                Err(_) => return Err(Refusal::Gone),
            }
        };
        self.buffer.drain(..head_len);
        let headers = builder.headers_mut().expect("valid request head");
        let length = headers.get(CONTENT_LENGTH).map(|v| v.to_str().ok().and_then(|v| v.trim().parse::<u64>().ok()));
        let chunked = match headers.get(TRANSFER_ENCODING) {
            None => false,
            Some(v) if v.as_bytes().eq_ignore_ascii_case(b"chunked") => true,
            Some(v) => {
                return Err(refuse(
                    StatusCode::NOT_IMPLEMENTED,
                    format!(
                        "Transfer-Encoding {:?} is not supported (only chunked)",
                        String::from_utf8_lossy(v.as_bytes())
                    ),
                ))
            }
        };
        let expect_continue = headers.get(EXPECT).is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"100-continue"));
        let too_large = || {
            refuse(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!(
                    "the request body is larger than the server's limit of {} bytes (newskg serve --max-body)",
                    limits.max_body
                ),
            )
        };
        let body = match (length, chunked) {
            (Some(_), true) => {
                return Err(refuse(StatusCode::BAD_REQUEST, "both Content-Length and Transfer-Encoding are set"))
            }
            (Some(None), _) => return Err(refuse(StatusCode::BAD_REQUEST, "Content-Length is not a number")),
            (Some(Some(n)), false) if n > limits.max_body as u64 => return Err(too_large()),
            (Some(Some(n)), false) => {
                self.continue_if(expect_continue && n > 0)?;
                let n = n as usize;
                self.fill_to(n, deadline, limits.read_timeout)?;
                self.buffer.drain(..n).collect()
            }
            (None, true) => {
                self.continue_if(expect_continue)?;
                self.chunked_body(deadline, limits).map_err(|e| e.unwrap_or_else(too_large))?
            }
            (None, false) => Vec::new(),
        };
        let head =
            builder.body(()).map_err(|e| refuse(StatusCode::BAD_REQUEST, format!("malformed HTTP request: {e}")))?;
        Ok((head.into_parts().0, body))
    }

    fn continue_if(&mut self, expected: bool) -> Result<(), Refusal> {
        if expected {
            self.stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n").map_err(|_| Refusal::Gone)?;
        }
        Ok(())
    }

    /// A chunked body (RFC 9112 section 7.1), trailers skipped; `Err(None)` when it is over the limit.
    fn chunked_body(&mut self, deadline: Instant, limits: &Limits) -> Result<Vec<u8>, Option<Refusal>> {
        let mut body = Vec::new();
        loop {
            let line = self.line(deadline, limits)?;
            let size = line.split(';').next().unwrap_or("").trim();
            let size = usize::from_str_radix(size, 16)
                .map_err(|_| Some(refuse(StatusCode::BAD_REQUEST, format!("bad chunk size {size:?}"))))?;
            if size == 0 {
                while !self.line(deadline, limits)?.is_empty() {}
                return Ok(body);
            }
            if body.len() + size > limits.max_body {
                return Err(None);
            }
            self.fill_to(size + 2, deadline, limits.read_timeout).map_err(Some)?;
            body.extend_from_slice(&self.buffer[..size]);
            self.buffer.drain(..size + 2);
        }
    }

    /// One line of a chunked body, without its line end.
    fn line(&mut self, deadline: Instant, limits: &Limits) -> Result<String, Option<Refusal>> {
        loop {
            if let Some(end) = self.buffer.iter().position(|&b| b == b'\n') {
                let line = String::from_utf8_lossy(&self.buffer[..end]).trim_end_matches('\r').to_string();
                self.buffer.drain(..=end);
                return Ok(line);
            }
            if self.buffer.len() > MAX_HEAD {
                return Err(Some(refuse(StatusCode::BAD_REQUEST, "a chunk header line is too long")));
            }
            let n = self.buffer.len() + 1;
            self.fill_to(n, deadline, limits.read_timeout).map_err(Some)?;
        }
    }

    /// Write `response` before `deadline` (the head only for HEAD requests), saying whether the connection closes.
    fn write(&mut self, response: &Answer, head_only: bool, close: bool, deadline: Instant) -> io::Result<()> {
        let status = response.head.status;
        let mut head = format!("HTTP/1.1 {} {}\r\n", status.as_str(), status.canonical_reason().unwrap_or(""));
        for (name, value) in &response.head.headers {
            if *name != CONTENT_LENGTH && *name != CONNECTION && *name != TRANSFER_ENCODING {
                head.push_str(&format!("{name}: {}\r\n", String::from_utf8_lossy(value.as_bytes())));
            }
        }
        head.push_str(concat!("server: newskg/", env!("CARGO_PKG_VERSION"), "\r\n"));
        let no_body =
            status.is_informational() || status == StatusCode::NO_CONTENT || status == StatusCode::NOT_MODIFIED;
        if !no_body {
            head.push_str(&format!("content-length: {}\r\n", response.body.len()));
        }
        if close {
            head.push_str("connection: close\r\n");
        }
        head.push_str("\r\n");
        let mut out = io::BufWriter::with_capacity(64 * 1024, Deadline { stream: &self.stream, deadline });
        out.write_all(head.as_bytes())?;
        if !head_only && !no_body {
            out.write_all(&response.body)?;
        }
        out.flush()
    }

    /// Stop sending, then read and discard what the client still sends for a moment, so that closing does not
    /// reset the connection before the client has read the answer.
    fn linger(&mut self) {
        let _ = self.stream.shutdown(Shutdown::Write);
        let deadline = Instant::now() + LINGER;
        let mut discarded = 0;
        while discarded < 64 << 20 {
            self.buffer.clear();
            match self.fill(deadline) {
                Ok(n) if n > 0 => discarded += n,
                _ => break,
            }
        }
    }
}

/// 408 for a client that did not send its request in time.
fn too_slow(read_timeout: Duration) -> Refusal {
    refuse(
        StatusCode::REQUEST_TIMEOUT,
        format!(
            "the request did not arrive whole within the server's read timeout of {} s (newskg serve --read-timeout)",
            read_timeout.as_secs_f64()
        ),
    )
}

/// The request line and headers as a request builder.
fn request_builder(parsed: &httparse::Request<'_, '_>) -> Result<request::Builder, Refusal> {
    let bad = |what: String| refuse(StatusCode::BAD_REQUEST, format!("malformed HTTP request: {what}"));
    let method = Method::from_bytes(parsed.method.unwrap_or("").as_bytes()).map_err(|e| bad(e.to_string()))?;
    let uri = Uri::try_from(parsed.path.unwrap_or("")).map_err(|e| bad(format!("the target: {e}")))?;
    let version = match parsed.version {
        Some(0) => Version::HTTP_10,
        _ => Version::HTTP_11,
    };
    let mut builder = Request::builder().method(method).uri(uri).version(version);
    let headers = builder.headers_mut().expect("valid request head");
    for h in parsed.headers.iter() {
        let name = HeaderName::from_bytes(h.name.as_bytes()).map_err(|e| bad(format!("header {:?}: {e}", h.name)))?;
        let value = HeaderValue::from_bytes(h.value).map_err(|e| bad(format!("header {:?}: {e}", h.name)))?;
        headers.append(name, value);
    }
    Ok(builder)
}

/// Writes to a stream until a deadline, however slowly the client reads.
struct Deadline<'a> {
    stream: &'a TcpStream,
    deadline: Instant,
}

impl Write for Deadline<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::ErrorKind::TimedOut.into());
        }
        self.stream.set_write_timeout(Some(left.max(Duration::from_millis(1))))?;
        let mut stream = self.stream;
        stream.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
