//! The report page: HTML with inline CSS, SVG drawn here, and a little inline script; nothing from the network.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use super::data::{Kind, Mark};
use super::{Links, View, MAX_TEXT_CHARS};

/// `s` with the characters HTML gives a meaning escaped, for text and attribute values alike.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn encode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// The colour of each kind of node and mark, shared by the drawing, the legend and the marked text.
const COLOURS: &[(&str, &str)] = &[
    ("person", "#2b6cb0"),
    ("organization", "#2f855a"),
    ("place", "#c05621"),
    ("event", "#9b2c2c"),
    ("time", "#6b46c1"),
    ("role", "#4a5568"),
    ("amount", "#b7791f"),
    ("thing", "#718096"),
];

const STATUSES: &[&str] = &["Occurred", "Planned", "Proposed", "Uncertain"];

struct Page<'v, 'a> {
    view: &'v View<'a>,
    links: Links,
    out: String,
}

/// The whole page.
pub(crate) fn page(view: &View, links: Links) -> String {
    let mut p = Page { view, links, out: String::with_capacity(256 * 1024) };
    p.head();
    p.summary();
    p.network();
    p.timeline();
    p.articles();
    p.tail();
    p.out
}

impl Page<'_, '_> {
    fn entity_link(&self, iri: &str, text: &str) -> String {
        match self.links {
            Links::Server => format!("<a href=\"/report?node={}\">{}</a>", encode(iri), escape(text)),
            Links::File => escape(text),
        }
    }

    /// Where an event's report is in its article's text: its trigger (in the sentence it came from, which the
    /// page highlights), in this page when the article is shown, else (served) in the article's own report.
    fn trigger_href(&self, article: usize, trigger: Option<(usize, usize)>) -> Option<String> {
        let anchor = match trigger {
            Some((b, _)) => format!("art-{article}-t{b}"),
            None => format!("art-{article}"),
        };
        if self.view.articles.contains(&article) {
            return Some(format!("#{anchor}"));
        }
        match self.links {
            Links::Server => {
                Some(format!("/report?article={}#{anchor}", encode(&self.view.corpus.articles[article].id)))
            }
            Links::File => None,
        }
    }

    fn head(&mut self) {
        let title = escape(&self.view.title);
        let mut css = String::from(CSS);
        for (kind, c) in COLOURS {
            let _ = write!(css, ".k-{kind}{{border-bottom:2px solid {c}}}.dot-{kind}{{background:{c}}}");
            let _ = write!(css, ".n-{kind} .shape{{fill:{c}}}");
        }
        let _ = write!(
            self.out,
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; \
             script-src 'unsafe-inline'; img-src data:\">\
             <link rel=\"icon\" href=\"data:,\"><title>newskg report: {title}</title><style>{css}</style></head><body>\n\
             <header><h1>newskg report <small>{title}</small></h1>"
        );
        if self.links == Links::Server {
            self.out.push_str("<nav><a href=\"/report\">whole store</a> · <a href=\"/\">SPARQL query page</a></nav>");
        }
        self.out.push_str("</header>\n");
    }

    fn summary(&mut self) {
        let v = self.view;
        let _ = writeln!(
            self.out,
            "<p class=\"summary\" id=\"summary\"><b>{}</b> article(s) · <b>{}</b> people · <b>{}</b> organisations · \
             <b>{}</b> places · <b>{}</b> events ({} dated) · newskg {}</p>",
            v.articles_in_scope,
            v.people_in_scope,
            v.organizations_in_scope,
            v.places_in_scope,
            v.events_in_scope,
            v.dated_in_scope,
            env!("CARGO_PKG_VERSION"),
        );
        self.out.push_str(
            "<form id=\"controls\" onsubmit=\"return false\"><label>Filter by name or words \
             <input id=\"filter\" type=\"search\" placeholder=\"e.g. Putin\"></label>",
        );
        for s in STATUSES {
            let _ = write!(
                self.out,
                "<label class=\"st st-{l}\"><input type=\"checkbox\" class=\"status\" value=\"{s}\" checked> {l}</label>",
                l = s.to_lowercase()
            );
        }
        self.out.push_str("</form>\n<p class=\"legend\">");
        for (kind, _) in COLOURS.iter().take(4) {
            let _ = write!(self.out, "<span class=\"dot dot-{kind}\"></span>{kind} ");
        }
        self.out.push_str(
            "· edges: <span class=\"sw sw-agent\"></span>agent <span class=\"sw sw-patient\"></span>patient or \
             recipient <span class=\"sw sw-role\"></span>role <span class=\"sw sw-place\"></span>place</p>\n",
        );
    }

    fn network(&mut self) {
        let v = self.view;
        let _ = writeln!(
            self.out,
            "<section id=\"network-section\"><h2>Network</h2><p class=\"note\">{} of {} nodes{}; hover a node to see \
             its neighbours.</p>",
            v.nodes.len(),
            v.nodes_in_scope,
            if v.nodes.len() < v.nodes_in_scope {
                " (the most connected; narrow the report with --person, --article, --from/--to or --class)"
            } else {
                ""
            }
        );
        self.out.push_str(
            "<svg id=\"network\" viewBox=\"-120 -30 1340 780\" role=\"img\" aria-label=\"network of people, \
             organisations, places and events\" xmlns=\"http://www.w3.org/2000/svg\">\n<g class=\"edges\">",
        );
        for e in &v.edges {
            let (a, b) = (v.positions[e.a], v.positions[e.b]);
            let _ = write!(
                self.out,
                "<line class=\"e e-{}\" data-a=\"n{}\" data-b=\"n{}\" x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" \
                 y2=\"{:.1}\"><title>{}</title></line>",
                e.kind,
                e.a,
                e.b,
                a.0,
                a.1,
                b.0,
                b.1,
                escape(&e.label)
            );
            if e.kind == "role" {
                let _ = write!(
                    self.out,
                    "<text class=\"el\" data-a=\"n{}\" data-b=\"n{}\" x=\"{:.1}\" y=\"{:.1}\">{}</text>",
                    e.a,
                    e.b,
                    (a.0 + b.0) / 2.0,
                    (a.1 + b.1) / 2.0 - 3.0,
                    escape(&e.label)
                );
            }
        }
        self.out.push_str("</g>\n<g class=\"nodes\">");
        let mut degree = vec![0usize; v.nodes.len()];
        for e in &v.edges {
            degree[e.a] += 1;
            degree[e.b] += 1;
        }
        for (i, n) in v.nodes.iter().enumerate() {
            let (x, y) = v.positions[i];
            let r = (4.0 + (degree[i] as f64).sqrt() * 2.0).min(16.0);
            let mut attrs = format!(
                "class=\"n n-{}{}\" id=\"n{i}\" data-kind=\"{}\"",
                n.kind,
                if n.focus { " focus" } else { "" },
                n.kind
            );
            let _ = write!(attrs, " data-name=\"{}\"", escape(&n.label));
            if let (Some(c), Some(s)) = (&n.class, &n.status) {
                let _ = write!(attrs, " data-class=\"{}\" data-status=\"{}\"", escape(c), escape(s));
            }
            let _ = write!(
                self.out,
                "<g {attrs} transform=\"translate({x:.1},{y:.1})\"><title>{}</title>",
                escape(&n.detail)
            );
            let label = match n.kind {
                "event" => n.class.clone().unwrap_or_default(),
                _ => n.label.clone(),
            };
            let shape = match n.kind {
                "event" => {
                    let s = r * 0.8;
                    let status = n.status.as_deref().unwrap_or("Occurred").to_lowercase();
                    format!(
                        "<rect class=\"shape ev-{status}\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" \
                         transform=\"rotate(45)\"/>",
                        -s,
                        -s,
                        2.0 * s,
                        2.0 * s
                    )
                }
                "organization" => format!(
                    "<rect class=\"shape\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"2\"/>",
                    -r,
                    -r,
                    2.0 * r,
                    2.0 * r
                ),
                "place" => format!(
                    "<polygon class=\"shape\" points=\"0,{:.1} {:.1},{:.1} {:.1},{:.1}\"/>",
                    -r * 1.2,
                    r,
                    r * 0.8,
                    -r,
                    r * 0.8
                ),
                _ => format!("<circle class=\"shape\" r=\"{r:.1}\"/>"),
            };
            let text = format!(
                "<text class=\"{}\" x=\"{:.1}\" y=\"4\">{}</text>",
                if n.kind == "event" { "lbl ev" } else { "lbl" },
                r + 3.0,
                escape(&label)
            );
            match (self.links, n.kind) {
                (Links::Server, kind) if kind != "event" => {
                    let _ = write!(self.out, "<a href=\"/report?node={}\">{shape}{text}</a>", encode(&n.key));
                }
                _ => {
                    self.out.push_str(&shape);
                    self.out.push_str(&text);
                }
            }
            self.out.push_str("</g>");
        }
        self.out.push_str("</g></svg></section>\n");
    }

    fn timeline(&mut self) {
        let v = self.view;
        let _ = write!(self.out, "<section id=\"timeline-section\"><h2>Timeline</h2>");
        if v.timeline.is_empty() {
            self.out.push_str("<p class=\"note\">No dated events in this report.</p></section>\n");
            return;
        }
        let _ = write!(
            self.out,
            "<p class=\"note\">{} of {} dated events{}.</p>",
            v.timeline.len(),
            v.dated_in_scope,
            if v.timeline.len() < v.dated_in_scope { ", the earliest (narrow with --from/--to)" } else { "" }
        );
        // The strip: one dot per event along the days, stacked on a day.
        let first = v.timeline.first().map(|d| d.date).expect("not empty");
        let last = v.timeline.last().map(|d| d.date).expect("not empty");
        let days = (last - first).num_days().max(1) as f64;
        let mut stack: BTreeMap<chrono::NaiveDate, usize> = BTreeMap::new();
        let mut dots = String::new();
        for (k, d) in v.timeline.iter().enumerate() {
            let x = if last == first { 550.0 } else { 20.0 + (d.date - first).num_days() as f64 / days * 1060.0 };
            let level = stack.entry(d.date).or_default();
            let y = 60.0 - (*level as f64) * 9.0;
            *level += 1;
            if *level > 6 {
                continue;
            }
            let _ = write!(
                dots,
                "<a href=\"#ev-{k}\"><circle class=\"tdot ev-{}\" data-status=\"{}\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"4\">\
                 <title>{} {}: {}</title></circle></a>",
                d.status.to_lowercase(),
                d.status,
                d.date,
                escape(&d.class),
                escape(&d.label)
            );
        }
        let _ = write!(
            self.out,
            "<svg id=\"timeline-strip\" viewBox=\"0 0 1100 90\" xmlns=\"http://www.w3.org/2000/svg\">\
             <line class=\"axis\" x1=\"20\" y1=\"70\" x2=\"1080\" y2=\"70\"/>"
        );
        let ticks = if last == first { 1 } else { 5 };
        for t in 0..ticks {
            let day = if ticks == 1 {
                first
            } else {
                first + chrono::Duration::days(((last - first).num_days() * t) / (ticks - 1))
            };
            let x = if ticks == 1 { 550.0 } else { 20.0 + (day - first).num_days() as f64 / days * 1060.0 };
            let anchor = match t {
                _ if ticks == 1 => "middle",
                0 => "start",
                t if t == ticks - 1 => "end",
                _ => "middle",
            };
            let _ =
                write!(self.out, "<text class=\"tick\" text-anchor=\"{anchor}\" x=\"{x:.1}\" y=\"86\">{day}</text>");
        }
        self.out.push_str(&dots);
        self.out.push_str("</svg>\n<ol id=\"timeline\">");
        for (k, d) in v.timeline.iter().enumerate() {
            let status = d.status.to_lowercase();
            let mut words: BTreeSet<String> = BTreeSet::new();
            let mut who = Vec::new();
            for (part, x) in &d.participants {
                if let Some(e) = v.corpus.entities.get(x) {
                    words.insert(e.name.to_lowercase());
                    who.push(format!("{} <small>({})</small>", self.entity_link(x, &e.name), part.as_str()));
                }
            }
            let _ = write!(
                self.out,
                "<li id=\"ev-{k}\" class=\"ev st-{status}\" data-status=\"{}\" data-class=\"{}\" data-names=\"{}\">\
                 <time datetime=\"{d0}\">{d0}</time> <b class=\"cls\">{}</b> <span class=\"badge ev-{status}\">{status}</span> \
                 <span class=\"label\">{}</span>",
                d.status,
                escape(&d.class),
                escape(&words.into_iter().collect::<Vec<_>>().join("|")),
                escape(&d.class),
                escape(&d.label),
                d0 = d.date,
            );
            if !who.is_empty() {
                let _ = write!(self.out, " — {}", who.join(", "));
            }
            if let Some(p) = d.place.as_deref().and_then(|p| v.corpus.entities.get(p)) {
                let _ = write!(self.out, " · in {}", self.entity_link(&p.iri, &p.name));
            }
            self.out.push_str("<ul class=\"reports\">");
            for &(a, i) in &d.reports {
                let article = &v.corpus.articles[a];
                let event = &v.corpus.events[i];
                let heading = escape(article.heading());
                let date = article.date.map(|d| format!(" ({d})")).unwrap_or_default();
                let quote = event
                    .trigger
                    .and_then(|t| v.texts.get(&a).and_then(|text| text.sentence_of(t)))
                    .map(|(_, s)| s)
                    .or_else(|| event.sentence.clone())
                    .map(|s| format!(" <q>{}</q>", escape(&s)))
                    .unwrap_or_default();
                match self.trigger_href(a, event.trigger) {
                    Some(href) => {
                        let _ = write!(self.out, "<li><a href=\"{href}\">{heading}</a>{date}{quote}</li>");
                    }
                    None => {
                        let _ = write!(self.out, "<li>{heading}{date}{quote}</li>");
                    }
                }
            }
            self.out.push_str("</ul></li>");
        }
        self.out.push_str("</ol></section>\n");
    }

    fn articles(&mut self) {
        let v = self.view;
        let _ = write!(
            self.out,
            "<section id=\"articles\"><h2>Articles</h2><p class=\"note\">{} of {} article(s){}.</p>",
            v.articles.len(),
            v.articles_in_scope,
            if v.articles.len() < v.articles_in_scope {
                ", the latest (narrow with --article or --from/--to)"
            } else {
                ""
            }
        );
        let mut people_of: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
        let mut others_of: BTreeMap<(usize, Kind), Vec<&str>> = BTreeMap::new();
        for e in v.corpus.entities.values() {
            for &a in &e.articles {
                if e.kind == Kind::Person {
                    people_of.entry(a).or_default().push(&e.iri);
                } else {
                    others_of.entry((a, e.kind)).or_default().push(&e.iri);
                }
            }
        }
        for &a in &v.articles {
            let article = &v.corpus.articles[a];
            let _ = write!(self.out, "<article class=\"art\" id=\"art-{a}\"><h3>");
            match self.links {
                Links::Server => {
                    let _ = write!(
                        self.out,
                        "<a href=\"/report?article={}\">{}</a>",
                        encode(&article.id),
                        escape(article.heading())
                    );
                }
                Links::File => self.out.push_str(&escape(article.heading())),
            }
            self.out.push_str("</h3><p class=\"meta\">");
            if let Some(d) = article.date {
                let _ = write!(self.out, "<time datetime=\"{d}\">{d}</time> · ");
            }
            let _ = write!(self.out, "id <code>{}</code>", escape(&article.id));
            if let Some(url) = &article.url {
                let _ = write!(self.out, " · <a href=\"{}\" rel=\"noreferrer\">source</a>", escape(url));
            }
            if article.level != "full" {
                let _ = write!(self.out, " · provenance {}", escape(&article.level));
            }
            self.out.push_str("</p>");
            let mut people: Vec<&str> = people_of.get(&a).cloned().unwrap_or_default();
            people.sort_by_key(|p| &v.corpus.entities[*p].name);
            if !people.is_empty() {
                self.out.push_str("<ul class=\"people\">");
                for p in people {
                    let e = &v.corpus.entities[p];
                    let roles: Vec<String> = v
                        .corpus
                        .roles
                        .iter()
                        .filter(|r| r.article == a && r.person == p)
                        .map(|r| {
                            let mut s = escape(&if r.former { format!("former {}", r.label) } else { r.label.clone() });
                            if let Some(o) = r.organization.as_deref().and_then(|o| v.corpus.entities.get(o)) {
                                let _ = write!(s, " of {}", self.entity_link(&o.iri, &o.name));
                            }
                            if let Some(t) = r.towards.as_deref().and_then(|t| v.corpus.entities.get(t)) {
                                let _ = write!(s, " to {}", self.entity_link(&t.iri, &t.name));
                            }
                            s
                        })
                        .collect();
                    let _ = write!(
                        self.out,
                        "<li class=\"person\" data-name=\"{}\">{}",
                        escape(&e.name),
                        self.entity_link(p, &e.name)
                    );
                    if !roles.is_empty() {
                        let _ = write!(self.out, " — {}", roles.join("; "));
                    }
                    self.out.push_str("</li>");
                }
                self.out.push_str("</ul>");
            }
            for (kind, title) in [(Kind::Organization, "Organisations"), (Kind::Place, "Places")] {
                let Some(list) = others_of.get(&(a, kind)) else { continue };
                let mut names: Vec<(&str, &str)> =
                    list.iter().map(|i| (v.corpus.entities[*i].name.as_str(), *i)).collect();
                names.sort();
                let shown: Vec<String> = names.iter().map(|(n, i)| self.entity_link(i, n)).collect();
                let _ = write!(self.out, "<p class=\"others\"><b>{title}:</b> {}</p>", shown.join(", "));
            }
            match v.texts.get(&a) {
                Some(t) if t.text.is_some() => {
                    let triggers: BTreeSet<usize> = v
                        .corpus
                        .events
                        .iter()
                        .filter(|e| e.article == a)
                        .filter_map(|e| e.trigger.map(|(b, _)| b))
                        .collect();
                    self.out.push_str("<div class=\"text\">");
                    self.out.push_str(&marked(
                        t.text.as_deref().unwrap_or_default(),
                        &t.marks,
                        &t.sentences,
                        &triggers,
                        a,
                    ));
                    self.out.push_str("</div>");
                }
                _ => {
                    self.out.push_str("<p class=\"note\">The text is not stored (loaded with --provenance facts).</p>")
                }
            }
            self.out.push_str("</article>\n");
        }
        self.out.push_str("</section>\n");
    }

    fn tail(&mut self) {
        self.out.push_str("<script>");
        self.out.push_str(SCRIPT);
        self.out.push_str("</script></body></html>\n");
    }
}

/// `text` as HTML with each recognised span marked and its sentences wrapped, the pieces where an event's trigger
/// begins given ids to link to (`art-N-tB`); cut at [`MAX_TEXT_CHARS`]. Spans may overlap: the text is split at
/// every span boundary, and each piece is marked with every span covering it.
fn marked(
    text: &str,
    marks: &[Mark],
    sentences: &[(usize, usize)],
    triggers: &BTreeSet<usize>,
    article: usize,
) -> String {
    let chars: Vec<char> = text.chars().collect();
    let limit = chars.len().min(MAX_TEXT_CHARS);
    let mut cuts: BTreeSet<usize> = [0, limit].into();
    for m in marks {
        cuts.insert(m.begin.min(limit));
        cuts.insert(m.end.min(limit));
    }
    cuts.extend(triggers.iter().filter(|&&t| t < limit));
    // Sentences that do not overlap each other (the first of overlapping ones wins).
    let mut wrapped: Vec<(usize, usize)> = Vec::new();
    for &(b, e) in sentences {
        if b < e && e <= limit && wrapped.last().is_none_or(|&(_, pe)| pe <= b) {
            wrapped.push((b, e));
            cuts.insert(b);
            cuts.insert(e);
        }
    }
    let starts: BTreeMap<usize, usize> = wrapped.iter().map(|&(b, e)| (b, e)).collect();
    let ends: BTreeSet<usize> = wrapped.iter().map(|&(_, e)| e).collect();
    let cuts: Vec<usize> = cuts.into_iter().collect();
    let mut out = String::with_capacity(limit * 2);
    for w in cuts.windows(2) {
        let (p, q) = (w[0], w[1]);
        if ends.contains(&p) {
            out.push_str("</span>");
        }
        if starts.contains_key(&p) {
            let _ = write!(out, "<span class=\"s\" id=\"art-{article}-s{p}\">");
        }
        let piece: String = chars[p..q].iter().collect();
        let covering: Vec<&Mark> = marks.iter().filter(|m| m.begin <= p && m.end >= q && m.begin < m.end).collect();
        let id = if triggers.contains(&p) { format!(" id=\"art-{article}-t{p}\"") } else { String::new() };
        if covering.is_empty() && id.is_empty() {
            out.push_str(&escape(&piece));
        } else if covering.is_empty() {
            let _ = write!(out, "<span{id}>{}</span>", escape(&piece));
        } else {
            let kinds: BTreeSet<&str> = covering.iter().map(|m| m.kind).collect();
            let classes: Vec<String> = kinds.iter().map(|k| format!("k-{k}")).collect();
            let notes: Vec<String> = covering.iter().map(|m| format!("{}: {}", m.kind, m.note)).collect();
            let _ = write!(
                out,
                "<mark{id} class=\"{}\" title=\"{}\">{}</mark>",
                classes.join(" "),
                escape(&notes.join("; ")),
                escape(&piece)
            );
        }
    }
    if ends.contains(&limit) {
        out.push_str("</span>");
    }
    if chars.len() > limit {
        let _ = write!(
            out,
            "<span class=\"note\"> … (cut: the text goes on for {} more characters)</span>",
            chars.len() - limit
        );
    }
    out
}

const CSS: &str = "body{font:15px/1.45 system-ui,sans-serif;margin:1em auto;max-width:78em;padding:0 1em;color:#1a202c}\
h1{font-size:1.5em;margin:.2em 0}h1 small{font-weight:normal;color:#4a5568}h2{font-size:1.2em;margin-top:1.4em;border-bottom:1px solid #e2e8f0}\
h3{font-size:1.05em;margin:1em 0 .2em}nav{font-size:.9em}.note,.meta{color:#4a5568;font-size:.9em;margin:.2em 0}\
#controls label{margin-right:1em}.legend{font-size:.85em;color:#4a5568}.dot{display:inline-block;width:.8em;height:.8em;border-radius:50%;margin:0 .25em 0 .6em;vertical-align:-1px}\
.sw{display:inline-block;width:1.6em;height:0;border-top:2px solid #a0aec0;margin:0 .25em 0 .6em;vertical-align:middle}.sw-patient{border-top-style:dashed}.sw-role{border-top:2px dotted #4a5568}.sw-place{border-top-color:#f6ad55}\
#network{width:100%;height:auto;border:1px solid #e2e8f0;border-radius:4px;background:#fcfcfd}\
.e{stroke:#a0aec0;stroke-width:1.2}.e-patient,.e-recipient{stroke-dasharray:4 3}.e-role{stroke:#4a5568;stroke-dasharray:1 3}.e-place{stroke:#f6ad55}\
.el{font-size:9px;fill:#4a5568;text-anchor:middle}.lbl{font-size:11px;fill:#1a202c;paint-order:stroke;stroke:#fff;stroke-width:3px}.lbl.ev{font-size:9px;fill:#742a2a}\
.n{cursor:default}.n.focus .shape{stroke:#000;stroke-width:2}.ev-planned{fill-opacity:.55}.ev-proposed{fill-opacity:.3}.ev-uncertain{fill:#a0aec0!important}\
#network.hover .n,#network.hover .e,#network.hover .el{opacity:.12}#network .on{opacity:1!important}.dim{opacity:.12}\
#timeline-strip{width:100%;height:auto}.axis{stroke:#a0aec0}.tick{font-size:10px;fill:#4a5568}.tdot{fill:#9b2c2c}\
#timeline{padding-left:1.2em}.ev{margin:.35em 0}.ev time{font-variant-numeric:tabular-nums;color:#2d3748}.badge{font-size:.75em;padding:0 .4em;border-radius:.6em;background:#9b2c2c;color:#fff}\
.badge.ev-planned{background:#c05621}.badge.ev-proposed{background:#6b46c1}.badge.ev-uncertain{background:#718096}.reports{margin:.1em 0;font-size:.9em}q{color:#2d3748;font-style:italic}\
.art{border-top:1px solid #edf2f7;padding-top:.3em}.people{margin:.3em 0;font-size:.93em}.others{font-size:.93em;margin:.2em 0}\
.text{white-space:pre-wrap;font-size:.95em;background:#f7fafc;padding:.6em .8em;border-radius:4px}mark{background:none;color:inherit}\
.s:has(:target){background:#fefcbf}mark:target{outline:2px solid #d69e2e}.hidden{display:none}";

const SCRIPT: &str = r#"
(function () {
  const svg = document.getElementById('network');
  const neighbours = new Map();
  const link = (a, b) => { if (!neighbours.has(a)) neighbours.set(a, new Set()); neighbours.get(a).add(b); };
  const lines = svg ? Array.from(svg.querySelectorAll('[data-a]')) : [];
  for (const l of lines) { link(l.dataset.a, l.dataset.b); link(l.dataset.b, l.dataset.a); }
  const nodes = svg ? Array.from(svg.querySelectorAll('g.n')) : [];
  for (const n of nodes) {
    n.addEventListener('mouseenter', () => {
      svg.classList.add('hover'); n.classList.add('on');
      for (const m of neighbours.get(n.id) || []) { const g = document.getElementById(m); if (g) g.classList.add('on'); }
      for (const l of lines) if (l.dataset.a === n.id || l.dataset.b === n.id) l.classList.add('on');
    });
    n.addEventListener('mouseleave', () => {
      svg.classList.remove('hover');
      for (const x of svg.querySelectorAll('.on')) x.classList.remove('on');
    });
  }
  const filter = document.getElementById('filter');
  const boxes = Array.from(document.querySelectorAll('input.status'));
  const entries = Array.from(document.querySelectorAll('#timeline > li'));
  const dots = Array.from(document.querySelectorAll('.tdot'));
  function apply() {
    const words = filter.value.toLowerCase().split(/\s+/).filter(w => w);
    const shown = new Set(boxes.filter(b => b.checked).map(b => b.value));
    const matches = text => words.every(w => text.toLowerCase().includes(w));
    for (const n of nodes) {
      const status = n.dataset.status;
      const ok = (!status || shown.has(status)) && (words.length === 0 || matches(n.dataset.name || '') ||
        Array.from(neighbours.get(n.id) || []).some(m => { const g = document.getElementById(m); return g && matches(g.dataset.name || ''); }));
      n.classList.toggle('dim', !ok);
    }
    for (const li of entries) {
      const ok = shown.has(li.dataset.status) && (words.length === 0 || matches(li.dataset.names + ' ' + li.textContent));
      li.classList.toggle('hidden', !ok);
    }
    for (const d of dots) d.classList.toggle('dim', !shown.has(d.dataset.status));
  }
  if (filter) filter.addEventListener('input', apply);
  for (const b of boxes) b.addEventListener('change', apply);
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(begin: usize, end: usize, kind: &'static str) -> Mark {
        Mark { begin, end, kind, note: kind.to_string() }
    }

    #[test]
    fn overlapping_spans_are_marked_piece_by_piece_and_text_is_escaped() {
        let text = "Kremlin spokesman Dmitry Peskov said <no>.";
        let marks = [mark(0, 7, "organization"), mark(0, 17, "role"), mark(18, 31, "person")];
        let html = marked(text, &marks, &[(0, 42)], &[18].into(), 3);
        assert!(html.starts_with("<span class=\"s\" id=\"art-3-s0\"><mark class=\"k-organization k-role\""), "{html}");
        assert!(html.contains("<mark id=\"art-3-t18\" class=\"k-person\""), "{html}");
        assert!(html.contains("<mark class=\"k-role\" title=\"role: role\"> spokesman</mark>"), "{html}");
        assert!(html.contains(">Dmitry Peskov</mark>"), "{html}");
        assert!(html.contains("said &lt;no&gt;.</span>"), "{html}");
        assert_eq!(html.matches("<span").count(), html.matches("</span>").count());
    }

    #[test]
    fn offsets_count_code_points_not_bytes() {
        let text = "Zürich – Ms Müller met Ms Weiß.";
        let marks = [mark(0, 6, "place"), mark(12, 18, "person"), mark(26, 30, "person")];
        let html = marked(text, &marks, &[], &BTreeSet::new(), 0);
        assert!(
            html.contains(">Zürich</mark>") && html.contains(">Müller</mark>") && html.contains(">Weiß</mark>"),
            "{html}"
        );
    }

    #[test]
    fn long_texts_are_cut_and_say_so() {
        let text = "a".repeat(MAX_TEXT_CHARS + 10);
        let html = marked(&text, &[mark(MAX_TEXT_CHARS - 2, MAX_TEXT_CHARS + 5, "person")], &[], &BTreeSet::new(), 0);
        assert!(html.contains("10 more characters"), "{}", &html[html.len() - 200..]);
        assert!(html.contains("<mark class=\"k-person\" title=\"person: person\">aa</mark>"));
    }
}
