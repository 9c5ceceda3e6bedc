//! An index of spans by their start, so that the stages ask "which mention starts here, overlaps or contains this
//! span" in logarithmic time instead of scanning every mention of the article: each stage stays linear in the
//! article's length (issue 20: a 3.4 MB article took minutes through such scans).

use std::collections::BTreeMap;

use crate::text::Span;

/// Spans with a payload (an index into the caller's list), ordered by start. Answers come in the order the spans
/// were added, the order a scan of the caller's list gives, so callers that take the first match keep their
/// results.
#[derive(Debug, Clone, Default)]
pub struct SpanIndex {
    by_start: BTreeMap<usize, Vec<(usize, usize)>>,
    /// The length of the longest span added: a span overlapping `s` starts no earlier than `s.start - longest`.
    longest: usize,
}

impl SpanIndex {
    pub fn new() -> Self {
        Self::default()
    }

    /// An index of `spans`, the payload of each being its position.
    pub fn of(spans: impl IntoIterator<Item = Span>) -> Self {
        let mut index = Self::new();
        for (k, span) in spans.into_iter().enumerate() {
            index.add(span, k);
        }
        index
    }

    pub fn add(&mut self, span: Span, payload: usize) {
        self.longest = self.longest.max(span.end - span.start);
        self.by_start.entry(span.start).or_default().push((span.end, payload));
    }

    /// The payloads of the spans matching `keep`, among those that may overlap `span`, in the order they were added.
    fn near(&self, span: Span, keep: impl Fn(Span) -> bool) -> Vec<usize> {
        let from = span.start.saturating_sub(self.longest);
        let mut out: Vec<usize> = self
            .by_start
            .range(from..=span.end)
            .flat_map(|(&start, ends)| ends.iter().map(move |&(end, k)| (Span::new(start, end), k)))
            .filter(|&(s, _)| keep(s))
            .map(|(_, k)| k)
            .collect();
        out.sort_unstable();
        out
    }

    /// The spans that overlap `span` (share at least one character).
    pub fn overlapping(&self, span: Span) -> Vec<usize> {
        self.near(span, |s| s.overlaps(span))
    }

    /// The spans that contain `span`.
    pub fn containing(&self, span: Span) -> Vec<usize> {
        self.near(span, |s| s.contains(span))
    }

    /// The spans equal to `span`.
    pub fn equal(&self, span: Span) -> Vec<usize> {
        self.starting_at(span.start).into_iter().filter(|&k| self.end_of(span.start, k) == Some(span.end)).collect()
    }

    /// The spans that start in `from..to`, in the order they were added.
    pub fn starting_in(&self, from: usize, to: usize) -> Vec<usize> {
        let mut out: Vec<usize> =
            self.by_start.range(from..to).flat_map(|(_, ends)| ends.iter().map(|&(_, k)| k)).collect();
        out.sort_unstable();
        out
    }

    /// The spans that start at `start`, in the order they were added.
    pub fn starting_at(&self, start: usize) -> Vec<usize> {
        self.by_start.get(&start).map(|ends| ends.iter().map(|&(_, k)| k).collect()).unwrap_or_default()
    }

    fn end_of(&self, start: usize, payload: usize) -> Option<usize> {
        self.by_start.get(&start)?.iter().find(|&&(_, k)| k == payload).map(|&(end, _)| end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_those_of_a_scan_in_the_order_of_adding() {
        let spans = [Span::new(10, 20), Span::new(0, 5), Span::new(12, 14), Span::new(30, 400), Span::new(12, 14)];
        let index = SpanIndex::of(spans);
        let scan = |f: &dyn Fn(Span) -> bool| -> Vec<usize> { (0..spans.len()).filter(|&k| f(spans[k])).collect() };
        for probe in [Span::new(0, 1), Span::new(4, 11), Span::new(13, 13), Span::new(12, 14), Span::new(399, 500)] {
            assert_eq!(index.overlapping(probe), scan(&|s| s.overlaps(probe)), "overlapping {probe:?}");
            assert_eq!(index.containing(probe), scan(&|s| s.contains(probe)), "containing {probe:?}");
            assert_eq!(index.equal(probe), scan(&|s| s == probe), "equal {probe:?}");
        }
        assert_eq!(index.starting_at(12), vec![2, 4]);
        assert_eq!(index.starting_in(5, 31), vec![0, 2, 3, 4]);
        assert!(index.overlapping(Span::new(25, 29)).is_empty());
    }
}
