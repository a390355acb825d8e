//! `dyad serve` against a running server on loopback: status codes, filters, paging, the
//! event detail, coding pasted text, writing only when allowed, and bad input.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};

use serde_json::Value;

mod common;
use common::dyad;

/// A server process, killed when dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(db: &Path, extra: &[&str]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["serve", "--db", db.to_str().unwrap(), "--addr", "127.0.0.1:0"])
        .args(extra)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("server starts");
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap()).read_line(&mut line).unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|s| s.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    Server { child, addr }
}

struct Reply {
    status: u16,
    content_type: String,
    body: Vec<u8>,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
}

fn request(s: &Server, method: &str, path: &str, body: Option<&[u8]>) -> Reply {
    let mut stream = TcpStream::connect(&s.addr).expect("connect");
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n", s.addr);
    if let Some(b) = body {
        req.push_str(&format!("Content-Type: application/json\r\nContent-Length: {}\r\n", b.len()));
    }
    req.push_str("\r\n");
    stream.write_all(req.as_bytes()).unwrap();
    if let Some(b) = body {
        // The server may answer (413) before reading everything.
        let _ = stream.write_all(b);
    }
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("header end");
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let mut body = raw[split + 4..].to_vec();
    let status: u16 = head.split(' ').nth(1).unwrap().parse().unwrap();
    let header = |name: &str| {
        head.lines()
            .find_map(|l| {
                l.split_once(':')
                    .filter(|(k, _)| k.eq_ignore_ascii_case(name))
                    .map(|(_, v)| v.trim().to_string())
            })
            .unwrap_or_default()
    };
    if header("transfer-encoding").eq_ignore_ascii_case("chunked") {
        let mut out = Vec::new();
        let mut rest = &body[..];
        loop {
            let nl = rest.windows(2).position(|w| w == b"\r\n").unwrap();
            let n = usize::from_str_radix(String::from_utf8_lossy(&rest[..nl]).trim(), 16).unwrap();
            if n == 0 {
                break;
            }
            out.extend_from_slice(&rest[nl + 2..nl + 2 + n]);
            rest = &rest[nl + 4 + n..];
        }
        body = out;
    }
    Reply {
        status,
        content_type: header("content-type"),
        body,
    }
}

fn get(s: &Server, path: &str) -> Reply {
    request(s, "GET", path, None)
}

fn ids(v: &Value) -> Vec<String> {
    v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect()
}

fn ingested() -> (tempfile::TempDir, std::path::PathBuf, usize) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let o = dyad(&["ingest", "--db", db.to_str().unwrap(), examples.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let coded = dyad(&["code", examples.to_str().unwrap()]);
    let n = String::from_utf8(coded.stdout).unwrap().lines().count();
    (dir, db, n)
}

#[test]
fn read_api() {
    let (_dir, db, n_events) = ingested();
    let s = start(&db, &[]);

    let stats = get(&s, "/api/stats");
    assert_eq!(stats.status, 200);
    assert!(stats.content_type.starts_with("application/json"));
    let stats = stats.json();
    assert_eq!(stats["documents"], 4);
    assert_eq!(stats["events"], n_events as u64);
    assert_eq!(stats["read_only"], true);

    // Paging: pages are disjoint, in order, and add up to the whole.
    let all = get(&s, "/api/events?limit=1000").json();
    assert_eq!(all["total"], n_events as u64);
    assert_eq!(ids(&all).len(), n_events);
    let p1 = get(&s, "/api/events?limit=7&offset=0").json();
    let p2 = get(&s, "/api/events?limit=7&offset=7").json();
    assert_eq!(p1["total"], n_events as u64);
    assert_eq!([ids(&p1), ids(&p2)].concat(), ids(&all)[..14].to_vec());
    assert!(ids(&get(&s, "/api/events?offset=100000").json()).is_empty());
    // Records are the wire format; evidence only when asked.
    let first = &all["events"][0];
    assert!(first.get("evidence").is_none());
    assert!(first["text_info"]["start"].is_u64());
    assert!(get(&s, "/api/events?limit=1&explain=true").json()["events"][0]["evidence"].is_array());

    // Filters agree with the records: every returned event matches, and the count matches a scan.
    let events = all["events"].as_array().unwrap();
    let scan = |pred: &dyn Fn(&Value) -> bool| events.iter().filter(|e| pred(e)).count() as u64;
    type Pred = Box<dyn Fn(&Value) -> bool>;
    let checks: Vec<(&str, Pred)> = vec![
        ("event=ASSAULT", Box::new(|e| e["event"][0] == "ASSAULT")),
        (
            "actor=PAK",
            Box::new(|e| e["actor"].as_array().unwrap().iter().any(|a| a["code"] == "PAK")),
        ),
        (
            "recipient=IND",
            Box::new(|e| e["recipient"].as_array().unwrap().iter().any(|a| a["code"] == "IND")),
        ),
        ("cameo=04", Box::new(|e| e["cameo"].as_str().unwrap().starts_with("04"))),
        ("modality=reported_claim", Box::new(|e| e["modality"] == "reported_claim")),
        (
            "from=2031-05-01&to=2031-05-31",
            Box::new(|e| e["date"].as_str().is_some_and(|d| ("2031-05-01"..="2031-05-31").contains(&d))),
        ),
        (
            "text=ceasefire",
            Box::new(|e| e["text"].as_str().unwrap().to_lowercase().contains("ceasefire")),
        ),
    ];
    for (q, pred) in &checks {
        let want = scan(pred.as_ref());
        assert!(want > 0, "{q} selects something");
        let got = get(&s, &format!("/api/events?limit=1000&{q}")).json();
        assert_eq!(got["total"], want, "{q}");
        assert!(got["events"].as_array().unwrap().iter().all(pred), "{q}");
    }

    // One event: sentence, evidence with offsets inside the article, its document.
    let id = first["id"].as_str().unwrap();
    let one = get(&s, &format!("/api/events/{id}"));
    assert_eq!(one.status, 200);
    let one = one.json();
    assert_eq!(one["event"]["id"], id);
    assert_eq!(one["document"]["doc_id"], first["doc_id"]);
    let ev = one["event"]["evidence"].as_array().unwrap();
    assert!(ev.iter().any(|e| e["field"] == "event"));
    let (start, end) = (
        one["event"]["text_info"]["start"].as_u64().unwrap(),
        one["event"]["text_info"]["end"].as_u64().unwrap(),
    );
    let trigger = ev.iter().find(|e| e["field"] == "event").unwrap();
    assert!(trigger["start"].as_u64().unwrap() >= start && trigger["end"].as_u64().unwrap() <= end);
    assert_eq!(get(&s, "/api/events/0000000000000000").status, 404);
    assert_eq!(get(&s, "/api/events/bad%20id").status, 400);

    // Aggregates.
    let tl = get(&s, "/api/timeline?bucket=month").json();
    let sum: u64 = tl["counts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["count"].as_u64().unwrap())
        .sum();
    assert_eq!(sum, n_events as u64);
    let actors = get(&s, "/api/actors?limit=5").json();
    assert_eq!(actors["actors"].as_array().unwrap().len(), 5);
    let dy = get(&s, "/api/dyads?bucket=day&actor=PAK").json();
    assert!(dy["dyads"].as_array().unwrap().iter().all(|d| d["actor"] == "PAK"));
    assert!(!dy["dyads"].as_array().unwrap().is_empty());

    // Bad parameters: 400 with a message naming the problem.
    for (q, word) in [
        ("/api/events?limit=0", "limit"),
        ("/api/events?limit=abc", "limit"),
        ("/api/events?limit=5000", "limit"),
        ("/api/events?offset=-1", "offset"),
        ("/api/events?from=2031-02-30", "from"),
        ("/api/events?event=BOMBING", "event"),
        ("/api/events?near=91,0", "near"),
        ("/api/events?radius=5", "near"),
        ("/api/events?colour=red", "colour"),
        ("/api/events?explain=maybe", "explain"),
        ("/api/timeline?bucket=week", "bucket"),
        ("/api/actors?offset=3", "offset"),
    ] {
        let r = get(&s, q);
        assert_eq!(r.status, 400, "{q}");
        let msg = r.json()["error"].as_str().unwrap().to_string();
        assert!(msg.contains(word), "{q}: {msg}");
    }
    assert_eq!(get(&s, "/api/nothing").status, 404);

    // The OpenAPI document lists every endpoint and filter.
    let spec = get(&s, "/api/openapi.json").json();
    assert_eq!(spec["openapi"], "3.1.0");
    for p in [
        "/api/events",
        "/api/events/{id}",
        "/api/actors",
        "/api/dyads",
        "/api/timeline",
        "/api/code",
        "/api/ingest",
    ] {
        assert!(spec["paths"][p].is_object(), "{p}");
    }
    let params = spec["paths"]["/api/events"]["get"]["parameters"].as_array().unwrap();
    assert!(params.iter().any(|p| p["name"] == "near"));

    // The page and its bundled assets.
    let page = get(&s, "/");
    assert_eq!(page.status, 200);
    assert!(page.content_type.starts_with("text/html"));
    let html = String::from_utf8_lossy(&page.body);
    for asset in ["/static/app.js", "/static/app.css", "/static/topojson-client.min.js"] {
        assert!(html.contains(asset), "page loads {asset}");
        assert_eq!(get(&s, asset).status, 200);
    }
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no outside resources"
    );
    assert_eq!(get(&s, "/static/countries-110m.json").json()["type"], "Topology");
}

#[test]
fn code_and_ingest_over_http() {
    let (_dir, db, n_events) = ingested();
    let ro = start(&db, &["--max-body-kb", "64"]);
    let text =
        br#"{"text": "Turkish pilots shot down a Russian warplane on Tuesday. Russia denied the charge.", "date": "2015-11-24"}"#;
    let r = request(&ro, "POST", "/api/code", Some(text));
    assert_eq!(r.status, 200);
    let coded = r.json();
    let events = coded["events"].as_array().unwrap();
    assert_eq!(events.len(), 2);
    assert_eq!(events[0]["actor"][0]["code"], "TUR");
    assert_eq!(events[0]["date"], "2015-11-24");
    assert!(events[0]["evidence"].is_array());
    // Coding stores nothing; writing is refused on a read-only server.
    assert_eq!(get(&ro, "/api/stats").json()["events"], n_events as u64);
    let r = request(&ro, "POST", "/api/ingest", Some(text));
    assert_eq!(r.status, 403);
    assert!(r.json()["error"].as_str().unwrap().contains("--allow-ingest"));
    // Bad bodies.
    for (body, status) in [
        (&br#"{"text": ""}"#[..], 400),
        (&br#"{"txt": "Russia denied it."}"#[..], 400),
        (&br#"{"text": "Russia denied it.", "date": "24/11/2015"}"#[..], 400),
        (&b"not json"[..], 400),
    ] {
        let r = request(&ro, "POST", "/api/code", Some(body));
        assert_eq!(r.status, status, "{}", String::from_utf8_lossy(body));
        assert!(r.json()["error"].is_string());
    }
    let big = format!(r#"{{"text": "{}"}}"#, "Russia denied the charge. ".repeat(4000));
    assert_eq!(request(&ro, "POST", "/api/code", Some(big.as_bytes())).status, 413);
    drop(ro);

    let rw = start(&db, &["--allow-ingest"]);
    let body = br#"{"id": "pilots", "text": "Turkish pilots shot down a Russian warplane on Tuesday.", "date": "2015-11-24"}"#;
    let r = request(&rw, "POST", "/api/ingest", Some(body));
    assert_eq!(r.status, 201);
    assert_eq!(r.json()["outcome"], "inserted");
    let r = request(&rw, "POST", "/api/ingest", Some(body));
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["outcome"], "unchanged");
    let stored = get(&rw, "/api/events?doc=pilots").json();
    assert_eq!(stored["total"], 1);
    assert_eq!(get(&rw, "/api/stats").json()["events"], n_events as u64 + 1);
}
