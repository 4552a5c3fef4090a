//! What the library's results hold, with live counts: the people,
//! organisations, places and titles they mention most, their sources and
//! their years, each entry a link that adds its filter
//! (`[data-facet]` with `data-count`).

use doichieu_core::filter::Facets;
use doichieu_core::view::{Action, ViewState};
use doichieu_core::{Corpus, PartialDate};
use yew::prelude::*;

use crate::i18n::strings;

/// An entity counted: its id, name and count.
#[derive(Clone, Debug, PartialEq)]
pub struct Counted {
    pub id: String,
    pub name: String,
    pub count: usize,
}

/// The facets with their entities named, for the list.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NamedFacets {
    /// For each type of [`Facets::KINDS`].
    pub entities: Vec<Vec<Counted>>,
    pub sources: Vec<(String, usize)>,
    pub years: Vec<(u16, usize)>,
}

impl NamedFacets {
    /// The facets of an embedded corpus, named from it.
    pub fn of(facets: Facets, corpus: &Corpus) -> Self {
        NamedFacets {
            entities: facets
                .entities
                .iter()
                .map(|list| {
                    list.iter()
                        .map(|&(e, count)| Counted {
                            id: corpus.entities[e].id.clone(),
                            name: corpus.entities[e].name.clone(),
                            count,
                        })
                        .collect()
                })
                .collect(),
            sources: facets.sources,
            years: facets.years,
        }
    }
}

fn entry(href: String, facet: String, name: &str, count: usize) -> Html {
    html! {
        <li>
            <a href={href} data-facet={facet} data-count={count.to_string()}>
                <span class="name">{ name }</span>
                <span class="n">{ count }</span>
            </a>
        </li>
    }
}

/// A group of facets (of entities of type `kind`, or of sources, or of
/// years) under its `heading`; nothing when it has no `entries`.
fn section(kind: Option<&'static str>, heading: &str, entries: Vec<Html>) -> Html {
    if entries.is_empty() {
        return Html::default();
    }
    html! {
        <section class="facet" data-type={kind}>
            <h3>{ heading }</h3>
            <ul>{ for entries }</ul>
        </section>
    }
}

/// The list of `facets`, each entry a link from `state`. A function rather
/// than a component: it holds no state, and each component type is its own
/// copy of Yew's lifecycle code in the wasm.
pub fn facet_list(facets: &NamedFacets, state: &ViewState) -> Html {
    let s = strings(state.query.lang);
    let href = |action| state.apply(action).to_hash();
    let mut sections: Vec<Html> = Facets::KINDS
        .iter()
        .zip(&facets.entities)
        .map(|(&kind, list)| {
            let entries = list
                .iter()
                .map(|c| {
                    let mut required = state.query.e.clone();
                    required.push(c.id.clone());
                    let href = href(Action::SetEntities(required));
                    entry(href, c.id.clone(), &c.name, c.count)
                })
                .collect();
            section(Some(kind.as_str()), (s.facet_heading)(kind), entries)
        })
        .collect();
    let sources = facets
        .sources
        .iter()
        .map(|(source, n)| {
            let href = href(Action::SetSource(Some(source.clone())));
            entry(href, format!("source:{source}"), source, *n)
        })
        .collect();
    sections.push(section(None, s.sources_heading, sources));
    let years = facets
        .years
        .iter()
        .map(|&(year, n)| {
            let y = PartialDate {
                year,
                month: None,
                day: None,
            };
            let href = href(Action::SetRange(Some(y), Some(y)));
            entry(href, format!("year:{year}"), &year.to_string(), n)
        })
        .collect();
    sections.push(section(None, s.years_heading, years));
    html! {
        <aside class="facets" aria-label={s.facets_label}>
            <h2>{ s.facets_label }</h2>
            { for sections }
        </aside>
    }
}
