//! The library's filter: the articles that match a link's `q`, `e`,
//! `from` and `to`, in the library's order.
//!
//! The words of every article are indexed once: each distinct word, in lower
//! case and folded to ASCII, with the articles it occurs in. A query word
//! then costs a binary search for the words it begins and a union of their
//! articles, instead of a scan of the whole text; entities and dates are
//! checked against sets made once in the same way.

use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::article::Article;
use crate::corpus::Corpus;
use crate::date::PartialDate;
use crate::normalize::fold_ascii;
use crate::view::Query;

/// Stands in a stream of words where a sentence or a line ends.
const BREAK: u32 = u32::MAX;

/// The facet of an entity whose type is not counted.
const NO_FACET: u8 = u8::MAX;

/// The corpus made ready for filtering. Articles are numbered by their
/// position in the library's order ([`Article::newest_first`]), so that
/// what matches comes out already sorted.
#[derive(Clone, Debug, Default)]
pub struct FilterIndex {
    /// The article (its index in [`Corpus::articles`]) at each position.
    order: Vec<u32>,
    /// Words of title, source and text in lower case: "hòa" finds only "hòa".
    lower: Words,
    /// The same folded to ASCII: "hoa binh" finds "Hòa Bình".
    folded: Words,
    /// For each word of `lower`, the word of `folded` it folds to.
    fold_of: Vec<u32>,
    /// For each position, its words in order (indices into `lower`), with
    /// [`BREAK`] where a sentence or line ends: phrases are placed here.
    streams: Streams,
    /// Every two words of `lower` that stand together somewhere (no break
    /// between them), sorted, with the articles where they do: a phrase of
    /// two words is found here without reading any article's words, and a
    /// longer one is read only in the articles that have each of its pairs.
    pairs: Pairs,
    /// For each entity of [`Corpus::entities`], the articles that mention it.
    entities: Vec<Postings>,
    /// For each article (its index in [`Corpus::articles`]), the entities it
    /// mentions, each once, for the facets.
    mentioned: Vec<Box<[u32]>>,
    /// For each article, how often it mentions each entity of `mentioned`,
    /// in the same order, for the order by relevance.
    times: Vec<Box<[u16]>>,
    /// For each article, its source (an index into `sources`), if any.
    source_of: Vec<Option<u32>>,
    /// Every source, once.
    sources: Vec<String>,
    /// For each entity, how many articles mention it.
    mentions_total: Vec<u32>,
    /// For each entity, its type's place in [`Facets::KINDS`], or
    /// [`NO_FACET`] for the types not counted.
    facet_kind: Vec<u8>,
    /// For each article, its position.
    position_of: Vec<u32>,
    /// Every name and spelling of every entity but dates, folded to ASCII,
    /// its runs of letters and digits a space apart, sorted; each with its
    /// place in `spellings`.
    names: Vec<(Box<str>, u32)>,
    /// The same in lower case, marks kept, with its entity.
    spellings: Vec<(Box<str>, u32)>,
}

/// What a search found: the articles in the order asked for, and what the
/// reader is told beside them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Found {
    /// Indices into [`Corpus::articles`].
    pub shown: Vec<usize>,
    /// Undated articles that match everything but the date range.
    pub undated_left_out: usize,
    /// Articles that have every word of the query, but not together, and
    /// match everything else: not listed.
    pub apart: usize,
    /// The entities (indices into [`Corpus::entities`]) that a phrase of
    /// the query names, whose articles are all found.
    pub named: Vec<usize>,
}

/// How the articles found are ordered (`sort`).
pub use crate::view::Sort;

impl Found {
    /// The library found without the index, when the query has no words,
    /// no entities and no source (`None` otherwise): every article within
    /// the dates asked for, in the order asked for, as
    /// [`FilterIndex::search`] lists them. The library's first view needs
    /// no more, so the index can be built after it is painted.
    pub fn without_index(corpus: &Corpus, query: &Query) -> Option<Found> {
        if !query.q.trim().is_empty() || !query.e.is_empty() || query.source.is_some() {
            return None;
        }
        let mut order: Vec<usize> = (0..corpus.articles.len()).collect();
        crate::sort::sort_by(&mut order, |&a, &b| {
            Article::newest_first(&corpus.articles[a], &corpus.articles[b])
        });
        let all = Bits::full(order.len());
        let date_of = |position: usize| corpus.articles[order[position]].date;
        let same = |shown: &[usize]| Ok::<_, std::convert::Infallible>(shown.to_vec());
        let Ok(mut found) = in_order(query, &[], &all, &all, date_of, same);
        for p in &mut found.shown {
            *p = order[*p];
        }
        Some(found)
    }
}

impl FilterIndex {
    pub fn new(corpus: &Corpus) -> Self {
        let mut order: Vec<u32> = (0..corpus.articles.len() as u32).collect();
        crate::sort::sort_by(&mut order, |&a, &b| {
            Article::newest_first(&corpus.articles[a as usize], &corpus.articles[b as usize])
        });
        let n = order.len();
        let mut lower = WordsBuilder::default();
        let mut folded = WordsBuilder::default();
        // The folded word of each word of `lower`, by their first ids.
        let mut fold_first: Vec<u32> = Vec::new();
        let mut streams = Streams::default();
        let mut stream = Vec::new();
        for (position, &article) in order.iter().enumerate() {
            let text = searchable(&corpus.articles[article as usize]);
            stream.clear();
            for (_, word, broken) in crate::search::words(&text) {
                if broken {
                    stream.push(BREAK);
                }
                let (id, new) = lower.id(&word);
                if new {
                    fold_first.push(folded.id(&fold_ascii(&word)).0);
                }
                lower.add(id, position as u32, n);
                folded.add(fold_first[id as usize], position as u32, n);
                stream.push(id);
            }
            streams.push(&stream, lower.postings.len());
        }
        let (lower, lower_ids) = lower.finish();
        let (folded, folded_ids) = folded.finish();
        let mut fold_of = vec![0; lower_ids.len()];
        for (first, &sorted) in lower_ids.iter().enumerate() {
            fold_of[sorted as usize] = folded_ids[fold_first[first] as usize];
        }
        streams.renumber(&lower_ids);
        let pairs = Pairs::of(&streams, lower_ids.len());
        let mut position_of = vec![0u32; n];
        for (position, &article) in order.iter().enumerate() {
            position_of[article as usize] = position as u32;
        }
        let entities = corpus
            .entities
            .iter()
            .map(|e| {
                let mut positions: Vec<u32> = e
                    .articles
                    .iter()
                    .filter_map(|id| corpus.article_index(id))
                    .map(|i| position_of[i])
                    .collect();
                crate::sort::sort(&mut positions);
                positions.dedup();
                Postings::from_sorted(positions, n)
            })
            .collect();
        let (mentioned, times): (Vec<_>, Vec<_>) = (0..n)
            .map(|i| {
                let mut ids: Vec<u32> = corpus.marks_of(i).iter().map(|m| m.entity).collect();
                crate::sort::sort(&mut ids);
                let mut times: Vec<u16> = Vec::new();
                let mut each: Vec<u32> = Vec::new();
                for id in ids {
                    match (each.last(), times.last_mut()) {
                        (Some(&last), Some(t)) if last == id => *t = t.saturating_add(1),
                        _ => {
                            each.push(id);
                            times.push(1);
                        }
                    }
                }
                (Box::<[u32]>::from(each), Box::<[u16]>::from(times))
            })
            .unzip();
        let mut sources: Vec<String> = Vec::new();
        let source_of = corpus
            .articles
            .iter()
            .map(|a| {
                let source = a.source.as_deref()?;
                let i = sources.iter().position(|s| s == source).unwrap_or_else(|| {
                    sources.push(source.to_string());
                    sources.len() - 1
                });
                Some(i as u32)
            })
            .collect();
        let mut mentions_total = vec![0u32; corpus.entities.len()];
        for list in &mentioned {
            for &e in list.iter() {
                mentions_total[e as usize] += 1;
            }
        }
        let facet_kind = corpus
            .entities
            .iter()
            .map(|e| {
                Facets::KINDS
                    .iter()
                    .position(|&k| k == e.kind)
                    .map_or(NO_FACET, |k| k as u8)
            })
            .collect();
        let mut names = Vec::new();
        let mut spellings = Vec::new();
        for (i, e) in corpus.entities.iter().enumerate() {
            if e.kind == crate::entity::EntityType::Date {
                continue;
            }
            let mut seen: Vec<String> = Vec::new();
            for spelling in std::iter::once(&e.name).chain(&e.aliases) {
                let lower = spaced(&crate::case::lower(spelling));
                if !lower.is_empty() && !seen.contains(&lower) {
                    names.push((fold_ascii(&lower).into(), spellings.len() as u32));
                    spellings.push((lower.clone().into(), i as u32));
                    seen.push(lower);
                }
            }
        }
        crate::sort::sort(&mut names);
        Self {
            order,
            lower,
            folded,
            fold_of,
            streams,
            pairs,
            entities,
            mentioned,
            times,
            source_of,
            sources,
            mentions_total,
            facet_kind,
            position_of,
            names,
            spellings,
        }
    }

    /// The indices of the articles that match, in the library's order
    /// (newest first): see [`Self::search`].
    pub fn matches(&self, corpus: &Corpus, query: &Query) -> Vec<usize> {
        self.search(corpus, query).shown
    }

    /// [`Self::matches`], and how many undated articles match everything
    /// but the date range, which leaves them out (none without a range).
    pub fn matches_and_undated(&self, corpus: &Corpus, query: &Query) -> (Vec<usize>, usize) {
        let found = self.search(corpus, query);
        (found.shown, found.undated_left_out)
    }

    /// The articles that match a link's query, in the order of its `sort`:
    /// each phrase of `q` ([`crate::search::phrases`]) in the title, source
    /// or text, or an entity it names (its name or any spelling or exonym);
    /// every entity of `e` mentioned; the source `source`; the date within
    /// `from`..`to` (an article with no date matches no date range).
    pub fn search(&self, corpus: &Corpus, query: &Query) -> Found {
        let n = self.order.len();
        let phrases = crate::search::phrases(&query.q);
        let mut found = Bits::full(n);
        // Articles with every word, together or not.
        let mut loose = Bits::full(n);
        let mut named = Vec::new();
        let ranges: Vec<Vec<(bool, Range<usize>)>> =
            phrases.iter().map(|p| self.ranges_of(p)).collect();
        let marks: Vec<Marked> = ranges.iter().map(|r| self.marked(r)).collect();
        // Ordered by relevance, a phrase read in the articles to find it is
        // counted there in full, each position's count kept for its score.
        let relevance = query.sort == Sort::Relevance;
        let mut counted: Vec<Option<Vec<u32>>> = vec![None; phrases.len()];
        for (((phrase, ranges), marks), counted) in
            phrases.iter().zip(&ranges).zip(&marks).zip(&mut counted)
        {
            let mut words = Bits::full(n);
            for (folded, range) in ranges {
                let index = if *folded { &self.folded } else { &self.lower };
                words.and(&index.postings_of(range.clone(), n));
            }
            let mut together = words.clone();
            // Each two runs that follow each other stand together in the
            // articles of their pairs: for two runs, that says it all.
            let runs = ranges.len().min(32);
            for k in 1..runs {
                together.and(&self.pairs.together(&marks.marks, k - 1, n));
            }
            if runs > 2 && relevance {
                *counted = Some(vec![0; n]);
            }
            // One word stands together with itself: its postings say it all.
            if runs > 2 || !phrase.signed.is_empty() {
                together.retain(|position| {
                    let placed = runs <= 2 || {
                        let count = self.count_in(position, marks, !relevance);
                        if let Some(c) = counted.as_mut().and_then(|c| c.get_mut(position)) {
                            *c = count as u32;
                        }
                        count > 0
                    };
                    placed
                        && (phrase.signed.is_empty() || {
                            let text = searchable(&corpus.articles[self.order[position] as usize]);
                            let folded = fold_ascii(&text);
                            phrase.signed.iter().all(|word| {
                                if word.is_ascii() && !phrase.quoted {
                                    has_word_starting(&folded, word)
                                } else {
                                    has_word_starting(&text, word)
                                }
                            })
                        })
                });
            }
            for entity in self.named_by(phrase) {
                let postings = self.entities[entity].to_bits(n);
                together.or(&postings);
                words.or(&postings);
                if !named.contains(&entity) {
                    named.push(entity);
                }
            }
            found.and(&together);
            loose.and(&words);
        }
        let mut required = Bits::full(n);
        for id in &query.e {
            match corpus.entity_index(id).and_then(|i| self.entities.get(i)) {
                Some(postings) => required.and(&postings.to_bits(n)),
                None => return Found::default(),
            }
        }
        if let Some(source) = &query.source {
            required.retain(|position| {
                corpus.articles[self.order[position] as usize]
                    .source
                    .as_deref()
                    == Some(source.as_str())
            });
        }
        found.and(&required);
        loose.and(&required);
        let date_of = |position: usize| corpus.articles[self.order[position] as usize].date;
        let by_relevance = |shown: &[usize]| {
            let score = |position: usize| -> usize {
                let article = self.order[position] as usize;
                let words: usize = marks
                    .iter()
                    .zip(&counted)
                    .map(|(m, counted)| match counted {
                        Some(c) => c.get(position).map_or(0, |&c| c as usize),
                        None => self.count_in(position, m, false),
                    })
                    .sum();
                let names: usize = named
                    .iter()
                    .map(|&e| self.times_mentioned(article, e))
                    .sum();
                words + names
            };
            Ok::<_, std::convert::Infallible>(rank(shown.iter().map(|&p| (p, score(p)))))
        };
        let Ok(mut found) = in_order(query, &phrases, &found, &loose, date_of, by_relevance);
        for p in &mut found.shown {
            *p = self.order[*p] as usize;
        }
        found.named = named;
        found
    }

    /// How often the article at `article` (its index in
    /// [`Corpus::articles`]) mentions the entity `entity`.
    fn times_mentioned(&self, article: usize, entity: usize) -> usize {
        let (Some(each), Some(times)) = (self.mentioned.get(article), self.times.get(article))
        else {
            return 0;
        };
        each.binary_search(&(entity as u32))
            .ok()
            .and_then(|i| times.get(i))
            .map_or(0, |&t| usize::from(t))
    }

    /// Each run of a phrase as a range of the words of `folded` (typed
    /// without marks) or of `lower`: the words it begins, or the one it is.
    fn ranges_of(&self, phrase: &crate::search::Phrase) -> Vec<(bool, Range<usize>)> {
        phrase
            .runs
            .iter()
            .map(|run| {
                let index = if run.folded {
                    &self.folded
                } else {
                    &self.lower
                };
                let range = if run.prefix {
                    index.range_beginning(&run.text)
                } else {
                    index.range_of(&run.text)
                };
                (run.folded, range)
            })
            .collect()
    }

    /// The runs of a phrase marked, anchored at the rarest.
    fn marked(&self, ranges: &[(bool, Range<usize>)]) -> Marked {
        let rarity: Vec<usize> = ranges
            .iter()
            .map(|(folded, range)| {
                let index = if *folded { &self.folded } else { &self.lower };
                index.postings[range.clone()]
                    .iter()
                    .map(Postings::len)
                    .sum()
            })
            .collect();
        Marked::of(self.marks_of(ranges), &rarity)
    }

    /// For each word of `lower`, a bit for each run of a phrase (of its
    /// first 32) that it matches, given the runs' `ranges`.
    fn marks_of(&self, ranges: &[(bool, Range<usize>)]) -> Vec<u32> {
        let mut marks = vec![0u32; self.fold_of.len()];
        for (k, (folded, range)) in ranges.iter().enumerate().take(32) {
            let bit = 1 << k;
            if *folded {
                for (word, &f) in self.fold_of.iter().enumerate() {
                    if range.contains(&(f as usize)) {
                        marks[word] |= bit;
                    }
                }
            } else {
                marks[range.clone()].iter_mut().for_each(|m| *m |= bit);
            }
        }
        marks
    }

    /// Where the runs of a phrase (`runs` of them, their words marked in
    /// `marks`) stand together in the words of the article at `position`:
    /// the index of each first word among the article's words (title and
    /// source first), up to one with `first`.
    fn starts_in(&self, position: usize, marks: &[u32], runs: usize, first: bool) -> Vec<usize> {
        let stream = self.streams.get(position);
        let runs = runs.clamp(1, 32);
        let mark = |i: usize| marks.get(stream.word(i) as usize).copied().unwrap_or(0);
        let mut out = Vec::new();
        let mut word = 0;
        for i in 0..stream.len() {
            if stream.word(i) == BREAK {
                continue;
            }
            if i + runs <= stream.len() && (0..runs).all(|k| mark(i + k) & (1 << k) != 0) {
                out.push(word);
                if first {
                    break;
                }
            }
            word += 1;
        }
        out
    }

    /// How many times a phrase stands in the article at `position` (see
    /// [`Self::starts_in`]); with `first`, 1 as soon as once.
    fn count_in(&self, position: usize, phrase: &Marked, first: bool) -> usize {
        let stream = self.streams.get(position);
        let (runs, anchor) = (phrase.runs, phrase.anchor);
        if stream.len() < runs {
            return 0;
        }
        // A break, or a word of no run, is marked 0.
        let mark = |word: u32| phrase.marks.get(word as usize).map_or(0, |&m| m);
        let mut count = 0;
        // Whether the phrase stands where its anchor is at `i` (and the
        // count is done).
        let mut at = |i: usize| -> bool {
            let start = i - anchor;
            if (0..runs)
                .filter(|&k| k != anchor)
                .all(|k| mark(stream.word(start + k)) & (1 << k) != 0)
            {
                count += 1;
                return first;
            }
            false
        };
        // Where the anchor may stand: the whole phrase within the stream.
        // Most words are not the anchor: one look at each, the rest only
        // around an anchor.
        let (from, to) = (anchor, stream.len() - (runs - 1 - anchor));
        let bit = 1 << anchor;
        if stream.wide {
            for i in from..to {
                if mark(stream.word(i)) & bit != 0 && at(i) {
                    break;
                }
            }
        } else {
            // Two bytes a word, each looked up as it is (a break, the
            // largest, is no word of `marks`).
            // Four at a time, most holding no anchor.
            let anchors = &phrase.anchors;
            let is = |w: &u16| anchors[usize::from(*w)];
            let mut chunks = stream.words[from..to].chunks_exact(4);
            let mut base = from;
            'scan: {
                for four in &mut chunks {
                    if is(&four[0]) | is(&four[1]) | is(&four[2]) | is(&four[3]) {
                        for (k, w) in four.iter().enumerate() {
                            if is(w) && at(base + k) {
                                break 'scan;
                            }
                        }
                    }
                    base += 4;
                }
                for (k, w) in chunks.remainder().iter().enumerate() {
                    if is(w) && at(base + k) {
                        break 'scan;
                    }
                }
            }
        }
        count
    }

    /// Where the phrases of `q` stand in the text of each of `articles`
    /// (indices into [`Corpus::articles`]), as byte ranges of
    /// [`Article::text`] from a phrase's first word to its last, in order:
    /// those that begin within `reach` words of the first one's start
    /// ([`crate::search::SNIPPET_WORDS`] for what a card's sentence can
    /// show, `usize::MAX` for all), the text read only that far.
    pub fn phrase_ranges(
        &self,
        corpus: &Corpus,
        articles: &[usize],
        phrases: &[crate::search::Phrase],
        reach: usize,
    ) -> Vec<Vec<Range<usize>>> {
        let found: Vec<(usize, Vec<u32>)> = phrases
            .iter()
            .map(|p| {
                let ranges = self.ranges_of(p);
                (ranges.len(), self.marks_of(&ranges))
            })
            .collect();
        articles
            .iter()
            .map(|&article| {
                let Some(&position) = self.position_of.get(article) else {
                    return Vec::new();
                };
                let a = &corpus.articles[article];
                // The stream opens with the title's words and the source's.
                let before = crate::search::word_ranges(&a.title).count()
                    + crate::search::word_ranges(a.source.as_deref().unwrap_or("")).count();
                let mut wanted: Vec<(usize, usize)> = Vec::new();
                for (runs, marks) in &found {
                    for start in self.starts_in(position as usize, marks, *runs, false) {
                        if start >= before {
                            wanted.push((start - before, start - before + runs.clamp(&1, &32) - 1));
                        }
                    }
                }
                let Some(first) = wanted.iter().map(|w| w.0).min() else {
                    return Vec::new();
                };
                let last = first.saturating_add(reach);
                wanted.retain(|w| w.0 <= last);
                let read = wanted.iter().map(|w| w.1).max().unwrap_or(first);
                let text = a.text();
                let words: Vec<Range<usize>> =
                    crate::search::word_ranges(&text).take(read + 1).collect();
                crate::search::in_order(
                    wanted
                        .into_iter()
                        .filter_map(|(s, e)| Some(words.get(s)?.start..words.get(e)?.end))
                        .collect(),
                )
            })
            .collect()
    }

    /// The entities a phrase names: a name or spelling of theirs, run for
    /// run, folded where the phrase was typed without marks.
    fn named_by(&self, phrase: &crate::search::Phrase) -> Vec<usize> {
        let key = fold_ascii(&phrase.key());
        let mut out: Vec<usize> = Vec::new();
        for (folded, id) in &self.names[self.names_beginning(&key)..] {
            if **folded != *key {
                break;
            }
            let (lower, entity) = &self.spellings[*id as usize];
            let same = lower
                .split(' ')
                .zip(&phrase.runs)
                .all(|(word, run)| run.folded || word == run.text);
            if same && !out.contains(&(*entity as usize)) {
                out.push(*entity as usize);
            }
        }
        out
    }

    /// The first of `names` not before `key`.
    fn names_beginning(&self, key: &str) -> usize {
        partition_point(self.names.len(), |i| *self.names[i].0 < *key)
    }

    /// Entities whose names or spellings begin with the last phrase of `q`,
    /// most mentioned first, at most `limit`, leaving out those of `skip`:
    /// each with its index in [`Corpus::entities`] and count of articles.
    pub fn suggest(&self, q: &str, skip: &[usize], limit: usize) -> Vec<(usize, usize)> {
        let Some(phrase) = crate::search::phrases(q).pop() else {
            return Vec::new();
        };
        let key = fold_ascii(&phrase.key());
        if key.chars().count() < 2 {
            return Vec::new();
        }
        let mut found: Vec<(usize, usize)> = Vec::new();
        for (folded, id) in &self.names[self.names_beginning(&key)..] {
            if !folded.starts_with(&key) {
                break;
            }
            let entity = self.spellings[*id as usize].1 as usize;
            if !skip.contains(&entity) && !found.iter().any(|&(e, _)| e == entity) {
                found.push((entity, self.entities[entity].len()));
            }
        }
        rank_top(found.iter().copied(), limit)
            .into_iter()
            .map(|e| (e, self.entities[e].len()))
            .collect()
    }

    /// What the articles `shown` hold, each with how many of them: for
    /// each type of [`Facets::KINDS`] the `limit` entities most mentioned
    /// (those of `skip` left out), the `limit` commonest sources, and every
    /// year.
    pub fn facets(&self, corpus: &Corpus, shown: &[usize], skip: &[usize], limit: usize) -> Facets {
        // Over most of the collection, the entities of the articles left
        // out are fewer to count, and taken from the totals.
        let most = shown.len() * 2 > corpus.articles.len();
        let mut counts = if most {
            let mut out = vec![false; corpus.articles.len()];
            shown.iter().for_each(|&a| out[a] = true);
            let mut counts = self.mentions_total.clone();
            for (article, _) in out.iter().enumerate().filter(|(_, &shown)| !shown) {
                for &e in self.mentioned.get(article).map_or(&[][..], |m| &m[..]) {
                    counts[e as usize] -= 1;
                }
            }
            counts
        } else {
            vec![0u32; corpus.entities.len()]
        };
        let mut by_source = vec![0usize; self.sources.len()];
        let mut years: Vec<(u16, usize)> = Vec::new();
        // Articles come mostly in order of date: the year of the one before
        // is looked at first.
        let mut last_year = 0;
        for &article in shown {
            if !most {
                for &e in self.mentioned.get(article).map_or(&[][..], |m| &m[..]) {
                    counts[e as usize] += 1;
                }
            }
            if let Some(Some(source)) = self.source_of.get(article) {
                by_source[*source as usize] += 1;
            }
            if let Some(date) = corpus.articles[article].date {
                if years.get(last_year).is_none_or(|(y, _)| *y != date.year) {
                    last_year = match years.iter().position(|(y, _)| *y == date.year) {
                        Some(i) => i,
                        None => {
                            years.push((date.year, 0));
                            years.len() - 1
                        }
                    };
                }
                years[last_year].1 += 1;
            }
        }
        for &e in skip {
            if let Some(n) = counts.get_mut(e) {
                *n = 0;
            }
        }
        let entities = top_by_facet(
            &counts,
            |e| {
                self.facet_kind
                    .get(e)
                    .filter(|&&k| k != NO_FACET)
                    .map(|&k| usize::from(k))
            },
            limit,
        );
        let sources = rank_top(
            by_source.iter().copied().enumerate().filter(|s| s.1 > 0),
            limit,
        )
        .into_iter()
        .map(|i| (self.sources[i].clone(), by_source[i]))
        .collect();
        let years = rank(years.iter().enumerate().map(|(i, y)| (i, usize::from(y.0))))
            .into_iter()
            .map(|i| years[i])
            .collect();
        Facets {
            entities,
            sources,
            years,
        }
    }
}

/// The end of a search, over the index or over packs: of the articles
/// `found` (positions in the library's order, each with every phrase and
/// everything required), those dated within the query's `from`..`to`, in
/// the order of its `sort`; how many undated ones the range leaves out; and
/// how many of `loose` (every word of each phrase, not together) are within
/// it but not found, when a phrase has more than one word. `date_of` is the
/// date at a position; `by_relevance` orders the articles shown when they
/// are sorted by relevance and `q` has phrases (and may fail, as a search
/// over packs does while it waits for some). `named` is left empty.
pub(crate) fn in_order<E>(
    query: &Query,
    phrases: &[crate::search::Phrase],
    found: &Bits,
    loose: &Bits,
    date_of: impl Fn(usize) -> Option<PartialDate>,
    by_relevance: impl FnOnce(&[usize]) -> Result<Vec<usize>, E>,
) -> Result<Found, E> {
    let dated = query.from.is_some() || query.to.is_some();
    let in_dates = |position: usize| !dated || in_range(date_of(position), query.from, query.to);
    let mut undated_left_out = 0;
    let mut shown: Vec<usize> = Vec::with_capacity(found.count());
    for position in found.iter() {
        if in_dates(position) {
            shown.push(position);
        } else if date_of(position).is_none() {
            undated_left_out += 1;
        }
    }
    let apart = if phrases.iter().any(|p| p.runs.len() > 1) {
        loose
            .iter()
            .filter(|&p| in_dates(p) && !found.has(p))
            .count()
    } else {
        0
    };
    match query.sort {
        Sort::Newest => {}
        Sort::Oldest => {
            // Oldest first, the undated still last.
            let dated = shown
                .iter()
                .position(|&p| date_of(p).is_none())
                .unwrap_or(shown.len());
            shown[..dated].reverse();
        }
        Sort::Relevance if !phrases.is_empty() => shown = by_relevance(&shown)?,
        Sort::Relevance => {}
    }
    Ok(Found {
        shown,
        undated_left_out,
        apart,
        named: Vec::new(),
    })
}

/// For each type of [`Facets::KINDS`], its best `limit` entities by
/// `counts` (entity by entity), with their counts, in the order of
/// [`rank`]: one pass over the counts, `facet_of` giving an entity's type's
/// place in `KINDS` (none for the types not counted).
pub(crate) fn top_by_facet(
    counts: &[u32],
    facet_of: impl Fn(usize) -> Option<usize>,
    limit: usize,
) -> Vec<Vec<(usize, usize)>> {
    let mut by_kind: Vec<Top> = (0..Facets::KINDS.len()).map(|_| Top::new(limit)).collect();
    for (e, &n) in counts.iter().enumerate() {
        if n > 0 {
            if let Some(top) = facet_of(e).and_then(|k| by_kind.get_mut(k)) {
                top.offer(e, n as usize);
            }
        }
    }
    by_kind
        .into_iter()
        .map(|top| {
            top.items()
                .into_iter()
                .map(|e| (e, counts[e] as usize))
                .collect()
        })
        .collect()
}

/// The first `limit` items of [`rank`], without ordering the rest.
pub(crate) fn rank_top(items: impl Iterator<Item = (usize, usize)>, limit: usize) -> Vec<usize> {
    let mut top = Top::new(limit);
    for (item, count) in items {
        top.offer(item, count);
    }
    top.items()
}

/// The best `limit` of the items offered, in the order of [`rank`], the
/// rest never ordered.
pub(crate) struct Top {
    /// Most first, then the smaller item: the key of the better is smaller.
    best: Vec<u64>,
    limit: usize,
}

impl Top {
    pub(crate) fn new(limit: usize) -> Self {
        Self {
            best: Vec::with_capacity(limit + 1),
            limit,
        }
    }

    pub(crate) fn offer(&mut self, item: usize, count: usize) {
        let k = (u64::from(u32::MAX - count as u32) << 32) | item as u64;
        if self.best.len() == self.limit && self.best.last().is_none_or(|&last| k >= last) {
            return;
        }
        let at = self.best.partition_point(|&b| b < k);
        self.best.insert(at, k);
        self.best.truncate(self.limit);
    }

    pub(crate) fn items(self) -> Vec<usize> {
        self.best
            .into_iter()
            .map(|k| (k & 0xffff_ffff) as usize)
            .collect()
    }
}

/// Items ordered by their counts, most first, then by item.
pub(crate) fn rank(items: impl Iterator<Item = (usize, usize)>) -> Vec<usize> {
    let mut keys: Vec<u64> = items
        .map(|(item, count)| (u64::from(u32::MAX - count as u32) << 32) | item as u64)
        .collect();
    crate::sort::sort(&mut keys);
    keys.into_iter()
        .map(|k| (k & 0xffff_ffff) as usize)
        .collect()
}

/// Counts over the articles found, for the library's facets.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    /// For each type of [`Facets::KINDS`], entity index and count, most
    /// first (then in id order).
    pub entities: Vec<Vec<(usize, usize)>>,
    /// Source and count, most first.
    pub sources: Vec<(String, usize)>,
    /// Year and count, newest first.
    pub years: Vec<(u16, usize)>,
}

impl Facets {
    /// The types of entity counted: people, organisations, places, titles.
    pub const KINDS: [crate::entity::EntityType; 4] = [
        crate::entity::EntityType::Person,
        crate::entity::EntityType::Organization,
        crate::entity::EntityType::Location,
        crate::entity::EntityType::Title,
    ];
}

/// A name's runs of letters and digits, a space apart.
pub(crate) fn spaced(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|r| !r.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// What the filter reads of an article, in lower case: its title, source
/// and text, a line apart.
pub(crate) fn searchable(article: &Article) -> String {
    let (mut joined, mut out) = (String::new(), String::new());
    searchable_into(article, &mut joined, &mut out);
    out
}

/// [`searchable`] into `out`, the article's parts joined in `joined` on the
/// way: both cleared first, and kept from one article to the next by those
/// that read many.
pub(crate) fn searchable_into(article: &Article, joined: &mut String, out: &mut String) {
    joined.clear();
    joined.reserve(article.title.len() + 2 + article.text_len() + 64);
    joined.push_str(&article.title);
    joined.push('\n');
    joined.push_str(article.source.as_deref().unwrap_or(""));
    joined.push('\n');
    article.push_text(joined);
    out.clear();
    lower_case_into(joined, out);
}

/// [`str::to_lowercase`] ([`crate::case::lower`]), with ASCII and the
/// letters of Vietnamese answered without looking them up, and the runs of
/// text already in lower case (most of it) copied whole.
#[cfg(test)]
fn lower_case(text: &str) -> String {
    let mut out = String::new();
    lower_case_into(text, &mut out);
    out
}

/// [`lower_case`] at the end of `out`.
fn lower_case_into(text: &str, out: &mut String) {
    // A capital sigma's lower case depends on the letters around it.
    if text.contains('Σ') {
        out.push_str(&crate::case::lower(text));
        return;
    }
    let bytes = text.as_bytes();
    out.reserve(text.len());
    let mut copied = 0;
    let mut i = 0;
    const EACH: u64 = 0x0101_0101_0101_0101;
    while i < bytes.len() {
        // Eight bytes at a time that are ASCII and not capitals (a byte
        // below 0x80 is at least 'A' when adding 0x3F sets its high bit, and
        // beyond 'Z' when adding 0x25 does; no carry crosses a byte).
        if let Some(eight) = bytes.get(i..i + 8) {
            let word = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
            let high = 0x80 * EACH;
            let capitals = word.wrapping_add(0x3F * EACH) & !word.wrapping_add(0x25 * EACH);
            let stops = (word | capitals) & high;
            if stops == 0 {
                i += 8;
                continue;
            }
            // To the first byte that is not, which is read below.
            i += stops.trailing_zeros() as usize / 8;
        }
        let b = bytes[i];
        if b.is_ascii() {
            if b.is_ascii_uppercase() {
                out.push_str(&text[copied..i]);
                out.push(char::from(b + 0x20));
                copied = i + 1;
            }
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().expect("a character starts here");
        let next = i + c.len_utf8();
        match lower_of(c) {
            Lower::Same => {}
            Lower::One(lower) => {
                out.push_str(&text[copied..i]);
                out.push(lower);
                copied = next;
            }
            Lower::Tables => {
                out.push_str(&text[copied..i]);
                crate::case::push_lower(out, c);
                copied = next;
            }
        }
        i = next;
    }
    out.push_str(&text[copied..]);
}

/// A character's lower case, as [`lower_case`] finds it.
enum Lower {
    /// The character itself.
    Same,
    One(char),
    /// To be looked up ([`crate::case::push_lower`]).
    Tables,
}

fn lower_of(c: char) -> Lower {
    let shifted = |by: u32| char::from_u32(c as u32 + by).unwrap_or(c);
    match c {
        'A'..='Z' | '\u{00C0}'..='\u{00D6}' | '\u{00D8}'..='\u{00DE}' => Lower::One(shifted(0x20)),
        '\0'..='\u{00BF}' | '\u{00D7}' | '\u{00DF}'..='\u{00FF}' if c != 'µ' => Lower::Same,
        // Capitals at even places, each followed by its small letter.
        '\u{0100}'..='\u{012F}' | '\u{014A}'..='\u{0177}' | '\u{1EA0}'..='\u{1EF9}' => {
            if c as u32 % 2 == 0 {
                Lower::One(shifted(1))
            } else {
                Lower::Same
            }
        }
        '\u{01A0}' | '\u{01AF}' => Lower::One(shifted(1)),
        '\u{01A1}' | '\u{01B0}' => Lower::Same,
        _ => Lower::Tables,
    }
}

/// Whether a word of `text` begins with `prefix`.
fn has_word_starting(text: &str, prefix: &str) -> bool {
    text.match_indices(prefix).any(|(i, _)| {
        text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Whether a (partial) date overlaps the range `from`..=`to`, each end
/// itself partial ("2025" reaches from 1 January to 31 December).
pub fn in_range(
    date: Option<PartialDate>,
    from: Option<PartialDate>,
    to: Option<PartialDate>,
) -> bool {
    if from.is_none() && to.is_none() {
        return true;
    }
    let Some(date) = date else {
        return false;
    };
    let (first, last) = (date.first_day(), date.last_day());
    from.is_none_or(|f| last >= f.first_day()) && to.is_none_or(|t| first <= t.last_day())
}

/// The distinct words of a text (runs of letters and digits), sorted, each
/// with the articles it occurs in.
#[derive(Clone, Debug, Default)]
struct Words {
    /// Every word, one after another, in byte order.
    text: String,
    /// Where each word starts in `text`, and where the last one ends.
    starts: Vec<u32>,
    postings: Vec<Postings>,
}

impl Words {
    fn len(&self) -> usize {
        self.postings.len()
    }

    fn word(&self, i: usize) -> &str {
        &self.text[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    /// The words that begin with `prefix`: sorted, they are consecutive.
    fn range_beginning(&self, prefix: &str) -> Range<usize> {
        let first = partition_point(self.len(), |i| self.word(i) < prefix);
        let end = first
            + partition_point(self.len() - first, |i| {
                self.word(first + i).starts_with(prefix)
            });
        first..end
    }

    /// The word itself, as a range of one word or none.
    fn range_of(&self, word: &str) -> Range<usize> {
        let range = self.range_beginning(word);
        let found = !range.is_empty() && self.word(range.start) == word;
        range.start..range.start + usize::from(found)
    }

    /// The articles with a word of `range`.
    fn postings_of(&self, range: Range<usize>, n: usize) -> Bits {
        let mut bits = Bits::empty(n);
        for i in range {
            self.postings[i].add_to(&mut bits);
        }
        bits
    }
}

/// The first of `0..len` for which `before` is false, `before` being true
/// for a prefix of them.
fn partition_point(len: usize, before: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, len);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if before(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// [`Words`] as they are read, article by article in increasing position.
#[derive(Default)]
struct WordsBuilder {
    ids: FxHashMap<Box<str>, u32>,
    postings: Vec<Postings>,
}

impl WordsBuilder {
    /// The id of a word, given in the order words are first seen, and
    /// whether it is new.
    fn id(&mut self, word: &str) -> (u32, bool) {
        match self.ids.get(word) {
            Some(&id) => (id, false),
            None => {
                let id = self.postings.len() as u32;
                self.ids.insert(word.into(), id);
                self.postings.push(Postings::Few(Vec::new()));
                (id, true)
            }
        }
    }

    /// Notes the word `id` at a position not smaller than any before.
    fn add(&mut self, id: u32, position: u32, n: usize) {
        self.postings[id as usize].push(position, n);
    }

    /// The words, sorted, and for each id its place among them.
    fn finish(self) -> (Words, Vec<u32>) {
        let mut words: Vec<(Box<str>, u32)> = self.ids.into_iter().collect();
        crate::sort::sort(&mut words);
        let mut postings: Vec<Option<Postings>> = self.postings.into_iter().map(Some).collect();
        let mut place = vec![0u32; words.len()];
        let mut out = Words {
            text: String::with_capacity(words.iter().map(|(w, _)| w.len()).sum()),
            starts: Vec::with_capacity(words.len() + 1),
            postings: Vec::with_capacity(words.len()),
        };
        for (k, (word, id)) in words.into_iter().enumerate() {
            place[id as usize] = k as u32;
            out.starts.push(out.text.len() as u32);
            out.text.push_str(&word);
            let mut p = postings[id as usize].take().expect("each id once");
            p.shrink();
            out.postings.push(p);
        }
        out.starts.push(out.text.len() as u32);
        (out, place)
    }
}

/// The articles (positions) of one word or entity: a sorted list while
/// they are few, a bit per article once a list would be larger.
#[derive(Clone, Debug)]
enum Postings {
    Few(Vec<u32>),
    Many(Bits),
}

impl Postings {
    /// Whether `count` positions out of `n` are better kept as bits.
    fn many(count: usize, n: usize) -> bool {
        count * 32 > n
    }

    fn from_sorted(positions: Vec<u32>, n: usize) -> Self {
        if Self::many(positions.len(), n) {
            let mut bits = Bits::empty(n);
            for p in positions {
                bits.set(p as usize);
            }
            Self::Many(bits)
        } else {
            let mut positions = positions;
            positions.shrink_to_fit();
            Self::Few(positions)
        }
    }

    /// Adds a position not smaller than any added before.
    fn push(&mut self, position: u32, n: usize) {
        match self {
            Self::Few(list) => {
                if list.last() != Some(&position) {
                    list.push(position);
                    if Self::many(list.len(), n) {
                        let mut bits = Bits::empty(n);
                        for &p in list.iter() {
                            bits.set(p as usize);
                        }
                        *self = Self::Many(bits);
                    }
                }
            }
            Self::Many(bits) => bits.set(position as usize),
        }
    }

    fn len(&self) -> usize {
        match self {
            Self::Few(list) => list.len(),
            Self::Many(bits) => bits.0.iter().map(|w| w.count_ones() as usize).sum(),
        }
    }

    fn shrink(&mut self) {
        if let Self::Few(list) = self {
            list.shrink_to_fit();
        }
    }

    fn add_to(&self, bits: &mut Bits) {
        match self {
            Self::Few(list) => list.iter().for_each(|&p| bits.set(p as usize)),
            Self::Many(other) => bits.or(other),
        }
    }

    fn to_bits(&self, n: usize) -> Bits {
        let mut bits = Bits::empty(n);
        self.add_to(&mut bits);
        bits
    }
}

/// A phrase's words marked for finding it in the streams: for each word of
/// `lower`, a bit for each run (of the first 32) it matches; and the run
/// looked for first (its anchor), the one in the fewest articles (`rarity`:
/// of each run, a count that grows with it); and for each two-byte word
/// number whether it is the anchor's (read straight from two-byte streams).
struct Marked {
    marks: Vec<u32>,
    runs: usize,
    anchor: usize,
    anchors: Box<[bool; 1 << 16]>,
}

impl Marked {
    fn of(marks: Vec<u32>, rarity: &[usize]) -> Self {
        let runs = rarity.len().clamp(1, 32);
        let anchor = (0..runs)
            .min_by_key(|&k| rarity.get(k).copied().unwrap_or(0))
            .unwrap_or(0);
        let mut anchors: Box<[bool; 1 << 16]> = vec![false; 1 << 16]
            .into_boxed_slice()
            .try_into()
            .expect("as long");
        for (is, &m) in anchors.iter_mut().zip(&marks) {
            *is = m & (1 << anchor) != 0;
        }
        Self {
            marks,
            runs,
            anchor,
            anchors,
        }
    }
}

/// Each article's words in order, as ids of `lower`: two bytes a word
/// while there are fewer words than `u16::MAX` (which stands for
/// [`BREAK`]), four (two `u16`, high first) beyond.
#[derive(Clone, Debug, Default)]
struct Streams {
    /// For each position, its words.
    words: Vec<Box<[u16]>>,
    wide: bool,
}

impl Streams {
    /// Adds the next article's words, `words` being how many there are so far.
    fn push(&mut self, stream: &[u32], words: usize) {
        if !self.wide && words > usize::from(u16::MAX) {
            self.wide = true;
            for s in &mut self.words {
                let ids: Vec<u32> = Stream::narrow(s).ids().collect();
                *s = Self::encode(&ids, true);
            }
        }
        self.words.push(Self::encode(stream, self.wide));
    }

    fn encode(stream: &[u32], wide: bool) -> Box<[u16]> {
        if wide {
            stream
                .iter()
                .flat_map(|&id| [(id >> 16) as u16, id as u16])
                .collect()
        } else {
            stream.iter().map(|&id| id as u16).collect()
        }
    }

    /// Gives each word (not a break) its number in `ids`.
    fn renumber(&mut self, ids: &[u32]) {
        let wide = self.wide;
        for s in &mut self.words {
            if wide {
                for two in s.chunks_exact_mut(2) {
                    let id = (u32::from(two[0]) << 16) | u32::from(two[1]);
                    if id != BREAK {
                        let id = ids[id as usize];
                        two.copy_from_slice(&[(id >> 16) as u16, id as u16]);
                    }
                }
            } else {
                for w in s.iter_mut().filter(|w| **w != u16::MAX) {
                    *w = ids[usize::from(*w)] as u16;
                }
            }
        }
    }

    fn get(&self, position: usize) -> Stream<'_> {
        Stream {
            words: &self.words[position],
            wide: self.wide,
        }
    }
}

/// One article's words (see [`Streams`]).
#[derive(Clone, Copy)]
struct Stream<'a> {
    words: &'a [u16],
    wide: bool,
}

impl<'a> Stream<'a> {
    fn narrow(words: &'a [u16]) -> Self {
        Stream { words, wide: false }
    }

    fn len(&self) -> usize {
        self.words.len() >> usize::from(self.wide)
    }

    /// The `i`th word's id, or [`BREAK`].
    fn word(&self, i: usize) -> u32 {
        if self.wide {
            (u32::from(self.words[2 * i]) << 16) | u32::from(self.words[2 * i + 1])
        } else {
            match self.words[i] {
                u16::MAX => BREAK,
                w => u32::from(w),
            }
        }
    }

    fn ids(self) -> impl Iterator<Item = u32> + 'a {
        (0..self.len()).map(move |i| self.word(i))
    }
}

/// Every two words that stand together in some article, with the articles
/// where they do (see [`FilterIndex`]'s `pairs`).
#[derive(Clone, Debug, Default)]
struct Pairs {
    /// For each word, where its pairs begin in `second` and `postings`
    /// (the words after the last word's pairs: their count).
    first: Vec<u32>,
    /// The second word of each pair, sorted within the pairs of a word.
    second: Vec<u32>,
    postings: Vec<Postings>,
}

impl Pairs {
    /// The pairs of the words of `streams` (words `0..words`, articles in
    /// increasing position), two words apart by a break being no pair.
    fn of(streams: &Streams, words: usize) -> Self {
        let n = streams.words.len();
        // For each first word, its second words so far, sorted, each with
        // its articles.
        let mut after: Vec<Vec<(u32, Postings)>> = vec![Vec::new(); words];
        for position in 0..n {
            let stream = streams.get(position);
            for i in 1..stream.len() {
                let two = [stream.word(i - 1), stream.word(i)];
                if two[0] == BREAK || two[1] == BREAK {
                    continue;
                }
                let list = &mut after[two[0] as usize];
                let at = partition_point(list.len(), |i| list[i].0 < two[1]);
                if list.get(at).is_none_or(|p| p.0 != two[1]) {
                    list.insert(at, (two[1], Postings::Few(Vec::new())));
                }
                list[at].1.push(position as u32, n);
            }
        }
        let mut first = Vec::with_capacity(words + 1);
        let (mut second, mut postings) = (Vec::new(), Vec::new());
        for list in after {
            first.push(second.len() as u32);
            for (word, mut p) in list {
                p.shrink();
                second.push(word);
                postings.push(p);
            }
        }
        first.push(second.len() as u32);
        Self {
            first,
            second,
            postings,
        }
    }

    /// The articles where a word marked for run `k` in `marks` (see
    /// [`FilterIndex::marks_of`]) stands just before one marked for run
    /// `k + 1`.
    fn together(&self, marks: &[u32], k: usize, n: usize) -> Bits {
        let mut bits = Bits::empty(n);
        let (this, next) = (1u32 << k, 2u32 << k);
        for (word, &m) in marks.iter().enumerate() {
            if m & this == 0 {
                continue;
            }
            let (from, to) = (self.first[word] as usize, self.first[word + 1] as usize);
            for (second, postings) in self.second[from..to].iter().zip(&self.postings[from..to]) {
                if marks[*second as usize] & next != 0 {
                    postings.add_to(&mut bits);
                }
            }
        }
        bits
    }
}

/// A set of positions `0..n`, a bit each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Bits(Vec<u64>);

impl Bits {
    pub(crate) fn empty(n: usize) -> Self {
        Self(vec![0; n.div_ceil(64)])
    }

    pub(crate) fn full(n: usize) -> Self {
        let mut words = vec![u64::MAX; n.div_ceil(64)];
        if let Some(last) = words.last_mut() {
            if n % 64 != 0 {
                *last = (1u64 << (n % 64)) - 1;
            }
        }
        Self(words)
    }

    /// How many are set.
    pub(crate) fn count(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }

    pub(crate) fn has(&self, i: usize) -> bool {
        self.0[i / 64] & (1 << (i % 64)) != 0
    }

    pub(crate) fn set(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }

    pub(crate) fn or(&mut self, other: &Bits) {
        self.0.iter_mut().zip(&other.0).for_each(|(a, b)| *a |= b);
    }

    pub(crate) fn and(&mut self, other: &Bits) {
        self.0.iter_mut().zip(&other.0).for_each(|(a, b)| *a &= b);
    }

    /// Keeps the positions for which `keep` is true.
    pub(crate) fn retain(&mut self, mut keep: impl FnMut(usize) -> bool) {
        for (w, word) in self.0.iter_mut().enumerate() {
            let mut rest = *word;
            while rest != 0 {
                let bit = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                if !keep(w * 64 + bit) {
                    *word &= !(1 << bit);
                }
            }
        }
    }

    /// The positions in the set, in increasing order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(w, &word)| {
            let mut rest = word;
            std::iter::from_fn(move || {
                (rest != 0).then(|| {
                    let bit = rest.trailing_zeros() as usize;
                    rest &= rest - 1;
                    w * 64 + bit
                })
            })
        })
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_is_the_unicode_lower_case() {
        for c in '\0'..='\u{2FFF}' {
            let one = c.to_string();
            assert_eq!(lower_case(&one), one.to_lowercase(), "{c:?}");
        }
        for text in [
            "ΟΔΟΣ Tô Lâm",
            "Đà NẴNG, ƠN, ƯỚC",
            "Bộ trưởng TÔ LÂM và ÔNG Ơn – İstanbul ÆØ µ ǅ Ⅷ ᾈ đang ĐI",
        ] {
            assert_eq!(lower_case(text), text.to_lowercase());
        }
        // Read eight bytes at a time: every ASCII character at every place
        // of a run, and runs ending in a letter beyond ASCII.
        for c in '\0'..='\u{7F}' {
            for at in 0..10 {
                let mut text = String::from("abcdefghijklmnopq");
                text.insert(at, c);
                assert_eq!(lower_case(&text), text.to_lowercase(), "{text:?}");
                text.insert(at, 'Ấ');
                assert_eq!(lower_case(&text), text.to_lowercase(), "{text:?}");
            }
        }
    }

    #[test]
    fn streams_hold_more_words_than_two_bytes_number() {
        let mut streams = Streams::default();
        streams.push(&[0, 1, BREAK, 2], 3);
        assert!(!streams.wide);
        let many: Vec<u32> = (0..70_000).chain([BREAK, 69_999]).collect();
        streams.push(&many, 70_000);
        assert!(streams.wide);
        // Numbered backwards.
        let ids: Vec<u32> = (0..70_000).rev().collect();
        streams.renumber(&ids);
        let first: Vec<u32> = streams.get(0).ids().collect();
        assert_eq!(first, [69_999, 69_998, BREAK, 69_997]);
        let second = streams.get(1);
        assert_eq!(second.len(), 70_002);
        assert_eq!(second.word(0), 69_999);
        assert_eq!(second.word(69_999), 0);
        assert_eq!(second.word(70_000), BREAK);
        assert_eq!(second.word(70_001), 0);
    }

    #[test]
    fn phrases_are_found_among_more_words_than_two_bytes_number() {
        let words: Vec<String> = (0..70_000).map(|i| format!("w{i}")).collect();
        let text = format!("Tin\n{}.", words.join(" "));
        let c = crate::corpus::annotated(&[("a", &text), ("b", "Tin\nw69998 w69999 w5.")]);
        let (state, _) = crate::view::ViewState::parse("#/?q=w69997%20w69998%20w69999");
        let index = FilterIndex::new(&c);
        assert!(index.streams.wide);
        let found: Vec<&str> = index
            .matches(&c, &state.query)
            .into_iter()
            .map(|i| c.articles[i].id.as_str())
            .collect();
        assert_eq!(found, ["a"]);
    }

    fn corpus() -> Corpus {
        crate::corpus::annotated(&[
            (
                "a",
                " date 2020-02-10\nTin một\nBộ trưởng Tô Lâm tiếp đoàn Lào tại Hà Nội ngày 8/3.",
            ),
            (
                "b",
                " date 2025-01\nTin hai\nTổng Bí thư Tô Lâm thăm Hòa Bình và TP.HCM.",
            ),
            ("c", "Tin ba\nĐoàn đại biểu Lào đến Hà Nội (Ảnh: TTXVN)."),
        ])
    }

    fn ids(c: &Corpus, link: &str) -> Vec<String> {
        let (state, problems) = crate::view::ViewState::parse(link);
        assert!(problems.is_empty(), "{problems:?}");
        FilterIndex::new(c)
            .matches(c, &state.query)
            .into_iter()
            .map(|i| c.articles[i].id.clone())
            .collect()
    }

    #[test]
    fn text_entities_and_dates_combine_newest_first() {
        let c = corpus();
        assert_eq!(ids(&c, "#/"), ["b", "a", "c"]);
        assert_eq!(ids(&c, "#/?q=hoa binh"), ["b"]);
        assert_eq!(ids(&c, "#/?q=Hòa%20Bình"), ["b"]);
        assert_eq!(ids(&c, "#/?q=tô lâm hà nội"), Vec::<String>::new());
        assert_eq!(ids(&c, "#/?q=\"tô lâm\" hà nội"), ["a"]);
        assert_eq!(ids(&c, "#/?q=to lam tiep"), ["a"]);
        assert_eq!(ids(&c, "#/?q=l"), ["b", "a", "c"]);
        // Words, not pieces of words; marks count when typed.
        assert_eq!(ids(&c, "#/?q=am"), Vec::<String>::new());
        assert_eq!(ids(&c, "#/?q=hoà"), ["b"]);
        assert_eq!(ids(&c, "#/?q=hóa"), Vec::<String>::new());
        // Words with signs in them are found as written.
        assert_eq!(ids(&c, "#/?q=tp.hcm"), ["b"]);
        assert_eq!(ids(&c, "#/?q=8/3"), ["a"]);
        assert_eq!(ids(&c, "#/?q=3/8"), Vec::<String>::new());
        assert_eq!(ids(&c, "#/?q=(ảnh"), ["c"]);
        assert_eq!(ids(&c, "#/?q=(anh:"), ["c"]);
        assert_eq!(ids(&c, "#/?q=ttxvn)."), ["c"]);
        assert_eq!(ids(&c, "#/?q=nội."), Vec::<String>::new());
        assert_eq!(ids(&c, "#/?e=person:to-lam"), ["b", "a"]);
        assert_eq!(ids(&c, "#/?e=person:to-lam,location:ha-noi"), ["a"]);
        assert_eq!(ids(&c, "#/?e=person:nobody"), Vec::<String>::new());
        assert_eq!(ids(&c, "#/?from=2021"), ["b"]);
        assert_eq!(ids(&c, "#/?to=2025-01-01"), ["b", "a"]);
        assert_eq!(ids(&c, "#/?from=2020-03&to=2024"), Vec::<String>::new());
        assert_eq!(ids(&c, "#/?q=lam&from=2025-01-31&e=person:to-lam"), ["b"]);
    }

    #[test]
    fn a_date_range_leaves_the_undated_out_and_counts_them() {
        let c = corpus();
        assert_eq!(c.article("c").and_then(|a| a.date), None);
        let index = FilterIndex::new(&c);
        let count = |link: &str| {
            let (state, _) = crate::view::ViewState::parse(link);
            let (shown, undated) = index.matches_and_undated(&c, &state.query);
            (shown.len(), undated)
        };
        assert_eq!(count("#/"), (3, 0), "no range, no one left out");
        assert_eq!(count("#/?from=2021"), (1, 1));
        assert_eq!(
            count("#/?q=hoa&to=2030"),
            (1, 0),
            "the undated one does not say hoa"
        );
    }

    #[test]
    fn the_library_without_words_is_listed_as_the_index_lists_it() {
        let c = corpus();
        let index = FilterIndex::new(&c);
        for link in [
            "#/",
            "#/?sort=oldest",
            "#/?sort=relevance",
            "#/?from=2021",
            "#/?to=2019-06&sort=oldest",
            "#/?from=2016&to=2024",
            "#/?q=%20%20",
        ] {
            let query = crate::view::ViewState::parse(link).0.query;
            let without = Found::without_index(&c, &query);
            assert_eq!(without, Some(index.search(&c, &query)), "{link}");
        }
        for link in ["#/?q=to lam", "#/?e=person:to-lam", "#/?source=VnExpress"] {
            let query = crate::view::ViewState::parse(link).0.query;
            assert_eq!(Found::without_index(&c, &query), None, "{link}");
        }
    }

    /// The filter's text condition read straight off each article's text:
    /// each phrase found in it, or an entity it names mentioned.
    fn scanned(c: &Corpus, q: &str) -> Vec<String> {
        let phrases = crate::search::phrases(q);
        let names = |e: &crate::entity::Entity, phrase: &crate::search::Phrase| {
            e.kind != crate::entity::EntityType::Date
                && std::iter::once(&e.name).chain(&e.aliases).any(|name| {
                    let name = spaced(&name.to_lowercase());
                    let words: Vec<&str> = name.split(' ').collect();
                    words.len() == phrase.runs.len()
                        && words.iter().zip(&phrase.runs).all(|(w, run)| {
                            if run.folded {
                                fold_ascii(w) == run.text
                            } else {
                                *w == run.text
                            }
                        })
                })
        };
        let mut shown: Vec<&Article> = c
            .articles
            .iter()
            .filter(|a| {
                let lower = searchable(a);
                let folded = fold_ascii(&lower);
                phrases.iter().all(|p| {
                    let written = !crate::search::find(&lower, std::slice::from_ref(p)).is_empty()
                        && p.signed.iter().all(|w| {
                            has_word_starting(
                                if w.is_ascii() && !p.quoted {
                                    &folded
                                } else {
                                    &lower
                                },
                                w,
                            )
                        });
                    written
                        || c.entities
                            .iter()
                            .any(|e| names(e, p) && e.articles.contains(&a.id))
                })
            })
            .collect();
        shown.sort_by(|a, b| Article::newest_first(a, b));
        shown.iter().map(|a| a.id.clone()).collect()
    }

    #[test]
    fn the_index_finds_what_a_scan_of_the_text_finds() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        let mut c = crate::corpus::load(&[dir]).corpus;
        c.annotate(&crate::extract::Extractor::default());
        assert!(c.articles.len() >= 5);
        let index = FilterIndex::new(&c);
        for q in [
            "",
            "t",
            "tô",
            "to",
            "tô lâm",
            "to lam",
            "vientiane",
            "viêng chăn",
            "vieng chan",
            "bộ công an",
            "bo cong an",
            "hoà",
            "hòa",
            "hóa",
            "lương",
            "luong",
            "lào",
            "lao",
            "2020",
            "10/2",
            "ttxvn",
            "(ảnh",
            "phạm kiên/ttxvn",
            "an ninh",
            "an-ninh",
            "./.",
            "-",
            "x",
            "đ",
            "d",
            "ưu",
            "kongthong",
            "vilay lakhamphon",
            "zzz",
            "tran dai quang",
            "trần đại quang",
            "\"to lam\"",
            "\"tô lâm\" lào",
            "lam to",
            "thu truong",
        ] {
            let query = Query {
                q: q.to_string(),
                ..Query::default()
            };
            let found: Vec<String> = index
                .matches(&c, &query)
                .into_iter()
                .map(|i| c.articles[i].id.clone())
                .collect();
            assert_eq!(found, scanned(&c, q), "q={q:?}");
        }
    }

    #[test]
    fn the_first_of_a_ranking_are_the_ranking() {
        let items: Vec<(usize, usize)> = (0..300).map(|i| (i, (i * 7919) % 13)).collect();
        let ranked = rank(items.iter().copied());
        for limit in [0, 1, 6, 299, 300, 400] {
            let top = rank_top(items.iter().copied(), limit);
            assert_eq!(top, ranked[..limit.min(300)], "limit {limit}");
        }
    }

    #[test]
    fn two_words_stand_together_only_where_no_break_parts_them() {
        let c = crate::corpus::annotated(&[
            ("a", "Tin một\nHà Nội mưa. Lào nắng."),
            ("b", "Tin hai\nHà. Nội Lào."),
        ]);
        assert_eq!(ids(&c, "#/?q=hà nội"), ["a"]);
        assert_eq!(ids(&c, "#/?q=nội lào"), ["b"]);
        assert_eq!(ids(&c, "#/?q=mưa lào"), Vec::<String>::new());
        assert_eq!(ids(&c, "#/?q=ha noi mua"), ["a"]);
        assert_eq!(ids(&c, "#/?q=ha noi la"), Vec::<String>::new());
    }

    #[test]
    fn bits_and_postings_agree() {
        let n = 130;
        let mut few = Postings::Few(Vec::new());
        let mut many = Postings::Few(Vec::new());
        for p in [0, 3, 3, 64, 129] {
            few.push(p, n);
        }
        for p in 0..100 {
            many.push(p, n);
        }
        assert!(matches!(few, Postings::Few(_)));
        assert!(matches!(many, Postings::Many(_)));
        assert_eq!(few.to_bits(n).iter().collect::<Vec<_>>(), [0, 3, 64, 129]);
        assert_eq!(many.to_bits(n).iter().count(), 100);
        let mut all = Bits::full(n);
        assert_eq!(all.iter().count(), n);
        all.and(&few.to_bits(n));
        all.retain(|p| p != 64);
        assert_eq!(all.iter().collect::<Vec<_>>(), [0, 3, 129]);
    }
}

#[cfg(test)]
mod default_corpus {
    use super::*;
    use crate::view::ViewState;

    fn corpus() -> Corpus {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        let mut c = crate::corpus::load(&[dir]).corpus;
        c.annotate(&crate::extract::Extractor::default());
        c
    }

    fn found(c: &Corpus, index: &FilterIndex, link: &str) -> Found {
        index.search(c, &ViewState::parse(link).0.query)
    }

    #[test]
    fn names_are_found_as_written_together_and_by_every_spelling() {
        let c = corpus();
        let index = FilterIndex::new(&c);
        let to_lam = found(&c, &index, "#/?q=to lam");
        assert_eq!(to_lam.shown.len(), 4, "{to_lam:?}");
        assert_eq!(to_lam.apart, 1, "the fifth has a tổ and a làm");
        assert_eq!(found(&c, &index, "#/?q=Trần Đại Quang").shown.len(), 1);
        assert_eq!(found(&c, &index, "#/?q=tran dai quang").shown.len(), 1);
        let vientiane = found(&c, &index, "#/?q=Vientiane");
        assert_eq!(vientiane.shown.len(), 4);
        assert_eq!(found(&c, &index, "#/?q=viêng chăn").shown, vientiane.shown);
        assert_eq!(found(&c, &index, "#/?q=vieng chan").shown, vientiane.shown);
        let place = c.entity_index("location:vientiane").expect("Vientiane");
        assert_eq!(vientiane.named, [place]);
    }

    #[test]
    fn the_index_places_phrases_where_a_scan_of_the_text_does() {
        let c = corpus();
        let index = FilterIndex::new(&c);
        let all: Vec<usize> = (0..c.articles.len()).collect();
        for q in [
            "to lam",
            "bộ công an",
            "vieng chan",
            "\"Lào\" thu",
            "phạm kiên/ttxvn",
            "x",
        ] {
            let phrases = crate::search::phrases(q);
            let placed = index.phrase_ranges(&c, &all, &phrases, usize::MAX);
            let near = index.phrase_ranges(&c, &all, &phrases, 40);
            for (i, (ranges, near)) in placed.iter().zip(&near).enumerate() {
                let text = c.articles[i].text();
                let scanned = crate::search::find(&text, &phrases);
                assert_eq!(*ranges, scanned, "q={q:?} article {i}");
                // Those within 40 words of the first one's start.
                let within: Vec<Range<usize>> = scanned
                    .iter()
                    .filter(|r| {
                        let first = scanned[0].start;
                        crate::search::word_ranges(&text[first..r.start]).count() <= 40
                    })
                    .cloned()
                    .collect();
                assert_eq!(*near, within, "q={q:?} article {i}, near");
            }
        }
    }

    #[test]
    fn a_phrase_is_counted_from_its_anchor_where_it_is_placed_from_its_start() {
        let c = corpus();
        let index = FilterIndex::new(&c);
        for q in [
            "to lam",
            "bộ công an",
            "bo cong an l",
            "an ninh",
            "lào",
            "la",
            "\"Lào\" thu",
        ] {
            for phrase in crate::search::phrases(q) {
                let ranges = index.ranges_of(&phrase);
                let marks = index.marks_of(&ranges);
                let marked = index.marked(&ranges);
                for position in 0..c.articles.len() {
                    let placed = index.starts_in(position, &marks, ranges.len(), false).len();
                    assert_eq!(index.count_in(position, &marked, false), placed, "q={q:?}");
                    assert_eq!(
                        index.count_in(position, &marked, true),
                        placed.min(1),
                        "q={q:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn names_beginning_with_what_is_typed_are_suggested_most_mentioned_first() {
        let c = corpus();
        let index = FilterIndex::new(&c);
        let suggested: Vec<(String, usize)> = index
            .suggest("to l", &[], 5)
            .into_iter()
            .map(|(e, n)| (c.entities[e].id.clone(), n))
            .collect();
        assert_eq!(suggested.first(), Some(&("person:to-lam".to_string(), 4)));
        let vieng = index.suggest("viêng", &[], 5);
        assert_eq!(
            c.entities[vieng[0].0].id, "location:vientiane",
            "an exonym suggests its place"
        );
        assert!(
            index.suggest("t", &[], 5).is_empty(),
            "one letter is too few"
        );
        let to_lam = c.entity_index("person:to-lam").expect("Tô Lâm");
        assert!(index
            .suggest("to lam", &[to_lam], 5)
            .iter()
            .all(|&(e, _)| e != to_lam));
    }

    #[test]
    fn sorts_and_facets_follow_the_results() {
        let c = corpus();
        let index = FilterIndex::new(&c);
        let newest = found(&c, &index, "#/").shown;
        let mut oldest = found(&c, &index, "#/?sort=oldest").shown;
        let undated = newest
            .iter()
            .filter(|&&i| c.articles[i].date.is_none())
            .count();
        oldest[..newest.len() - undated].reverse();
        assert_eq!(oldest, newest);
        let relevance = found(&c, &index, "#/?q=to lam&sort=relevance").shown;
        let mut by_newest = found(&c, &index, "#/?q=to lam").shown;
        by_newest.sort_unstable();
        let mut sorted = relevance.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, by_newest, "the same articles in another order");
        let shown = found(&c, &index, "#/?q=to lam").shown;
        let facets = index.facets(&c, &shown, &[], 3);
        let to_lam = c.entity_index("person:to-lam").expect("Tô Lâm");
        let people = &facets.entities[0];
        assert_eq!(people[0], (to_lam, 4));
        assert!(people.len() <= 3 && people.windows(2).all(|w| w[0].1 >= w[1].1));
        assert_eq!(facets.years.iter().map(|y| y.1).sum::<usize>(), 4);
        let without = index.facets(&c, &shown, &[to_lam], 3);
        assert!(without.entities[0].iter().all(|&(e, _)| e != to_lam));
        let source = facets.sources[0].0.clone();
        let by_source = found(&c, &index, &format!("#/?source={source}")).shown;
        assert!(by_source
            .iter()
            .all(|&i| c.articles[i].source.as_deref() == Some(source.as_str())));
    }
}
