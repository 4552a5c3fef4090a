//! `#/entity/<entity-id>`: one entity: its names, its offices over time (a
//! timeline, one lane per office), for an office the people who held it and
//! when, every mention in its sentence linking back to the paragraph, the
//! entities mentioned with it most, and the library filtered by it.

use doichieu_core::oddity::suggest_entity;
use doichieu_core::profile::{
    fold_seen_once, holders, mentioned_with, sightings, tenures, undated_by_office, Axis, Holding,
    Tenure,
};
use doichieu_core::view::{Action, EntityType, Route, ViewState};
use doichieu_core::PartialDate;
use yew::prelude::*;

use crate::components::alert::alert;
use crate::components::legend::sample;
use crate::corpus::SharedCorpus;
use crate::effect::use_effect_on;
use crate::i18n::{entity_name, strings};
use crate::pages::library::LibraryPage;
use crate::view::set_title;

/// Mentions shown with their sentence at first, and added by "more".
const SHOWN_MENTIONS: usize = 200;
/// Entities listed as mentioned with this one.
const RELATED: usize = 24;

/// An entity page's data, computed once per entity.
struct Profile {
    related: Vec<(usize, usize)>,
    undated: Vec<(String, String)>,
    lanes: Vec<Tenure>,
    seen_once: Vec<Tenure>,
    held: Vec<Holding>,
}

#[derive(Properties, PartialEq)]
pub struct EntityPageProps {
    /// The collection shown: a property rather than a context, so that no
    /// context type of Yew is compiled for it.
    pub corpus: SharedCorpus,
    pub id: String,
    pub state: ViewState,
    /// Articles of the collection that mention it, when the corpus holds
    /// only some of them (a collection of packs).
    #[prop_or_default]
    pub articles_total: Option<usize>,
}

#[function_component]
pub fn EntityPage(props: &EntityPageProps) -> Html {
    let corpus = props.corpus.clone();
    let s = strings(props.state.query.lang);
    let index = corpus.entity_index(&props.id);
    let limit = use_state_eq(|| SHOWN_MENTIONS);
    {
        let limit = limit.clone();
        use_effect_on(props.id.clone(), move |_| limit.set(SHOWN_MENTIONS));
    }
    {
        let name = index.map_or_else(
            || props.id.clone(),
            |i| entity_name(s, &corpus.entities[i]).into_owned(),
        );
        use_effect_on(props.id.clone(), move |_| {
            set_title(&format!("{name} — Đối chiếu"));
        });
    }
    // What does not change while the page is shown is computed once per
    // entity (and per "more"), not at every render.
    let profile = {
        let corpus = corpus.clone();
        use_memo(index, move |&index| {
            index.map(|index| {
                let related = mentioned_with(&corpus, index, RELATED);
                let (dated, undated) = tenures(&corpus, index);
                let (lanes, seen_once) = fold_seen_once(dated);
                let held = if corpus.entities[index].kind == EntityType::Title {
                    holders(&corpus, index)
                } else {
                    Vec::new()
                };
                Profile {
                    related,
                    undated,
                    lanes,
                    seen_once,
                    held,
                }
            })
        })
    };
    let seen = {
        let corpus = corpus.clone();
        use_memo((index, *limit), move |&(index, limit)| {
            index.map(|index| sightings(&corpus, index, limit))
        })
    };
    let Some(index) = index else {
        // A mistyped id ("to-lam") names the entity it most likely means.
        let suggestion = suggest_entity(&corpus, &props.id).map(|i| {
            let id = corpus.entities[i].id.clone();
            let href = props.state.apply(Action::Open(Route::Entity(id.clone()))).to_hash();
            html! { <p data-suggestion={id.clone()}>{ format!("{} ", s.did_you_mean) }<a {href}>{ id }</a>{ "?" }</p> }
        });
        return html! {
            <>
                { alert(html! { <><p>{ (s.entity_not_found)(&props.id) }</p>{ for suggestion }</> }) }
                <LibraryPage corpus={corpus.clone()} state={props.state.clone()} />
            </>
        };
    };
    let entity = &corpus.entities[index];
    let state = &props.state;
    let (Some(profile), Some((seen, total))) = (&*profile, &*seen) else {
        return Html::default();
    };
    let total = *total;
    let Profile {
        related,
        undated,
        lanes,
        seen_once,
        held,
    } = profile;
    let more = {
        let limit = limit.clone();
        Callback::from(move |_| limit.set(*limit + SHOWN_MENTIONS))
    };
    let holder_items = held.iter().map(|h| {
        let person = &corpus.entities[h.person];
        let href = state
            .apply(Action::Open(Route::Entity(person.id.clone())))
            .to_hash();
        let when = match (h.first, h.last) {
            (Some(first), Some(last)) if first != last => {
                format!("{} – {}", (s.format_date)(first), (s.format_date)(last))
            }
            (Some(first), _) => (s.format_date)(first),
            _ => s.no_date.to_string(),
        };
        html! {
            <li data-holder={person.id.clone()}>
                <a href={href}>{ &person.name }</a>{ format!(" — {when}") }
            </li>
        }
    });
    let filtered = state
        .apply(Action::Open(Route::Library))
        .apply(Action::SetEntities(vec![entity.id.clone()]))
        .to_hash();
    let mentions = seen.iter().map(|m| {
        let article = &corpus.articles[m.article];
        let href = state
            .apply(Action::Open(Route::Read(article.id.clone())))
            .apply(Action::Highlight(Some(entity.id.clone())))
            .apply(Action::Paragraph(m.paragraph))
            .to_hash();
        let date = article.date.map(|d| (s.format_date)(d)).unwrap_or_else(|| s.no_date.to_string());
        html! {
            <li>
                <p class="context" lang="vi">
                    { &m.context.before }<mark data-entity={entity.id.clone()} data-type={entity.kind.as_str()} class="hl">{ &m.context.text }</mark>{ &m.context.after }
                </p>
                <p class="where"><a href={href} data-article-link={article.id.clone()}>{ &article.title }</a>{ format!(" · {date}") }</p>
            </li>
        }
    });
    let related_items = related.iter().map(|&(other, n)| {
        let e = &corpus.entities[other];
        let href = state
            .apply(Action::Open(Route::Entity(e.id.clone())))
            .to_hash();
        html! {
            <li>
                <a class="chip" data-type={e.kind.as_str()} href={href}>
                    { entity_name(s, e).into_owned() }<span class="chip-counts">{ (s.in_articles)(n) }</span>
                </a>
            </li>
        }
    });
    let undated_items = undated_by_office(undated).into_iter().map(|(title, articles)| {
        let links = articles.iter().map(|id| {
            let name = corpus.article(id).map_or(id.as_str(), |a| a.title.as_str());
            let href = state.apply(Action::Open(Route::Read(id.clone()))).to_hash();
            html! { <li><a href={href}>{ name }</a></li> }
        });
        html! {
            <li data-undated-office={title.clone()}>
                <details>
                    <summary><strong>{ &title }</strong>{ format!(" — {}", (s.support)(articles.len())) }</summary>
                    <ul>{ for links }</ul>
                </details>
            </li>
        }
    });
    html! {
        <section class="entity-page" data-entity-page={entity.id.clone()} aria-labelledby="entity-name">
            <header class="entity-head">
                <p class="entity-type">{ sample(state.query.lang, entity.kind) }</p>
                <h1 id="entity-name" lang="vi">{ entity_name(s, entity).into_owned() }</h1>
                if !entity.aliases.is_empty() {
                    <p class="aliases"><span class="label">{ format!("{}: ", s.aliases) }</span>{ entity.aliases.join(" · ") }</p>
                }
                <p><a class="filter-link" href={filtered}>{ (s.filter_by_entity)(props.articles_total.unwrap_or(entity.articles.len())) }</a></p>
            </header>
            if !lanes.is_empty() || !seen_once.is_empty() || !undated.is_empty() {
                <section class="roles" aria-labelledby="roles-heading">
                    <h2 id="roles-heading">{ s.roles_heading }</h2>
                    if !lanes.is_empty() || !seen_once.is_empty() {
                        <div class="timeline-wrap">{ timeline(&corpus, state, &entity.name, lanes, seen_once) }</div>
                        <ol class="role-list">{ for lanes.iter().map(|t| html! {
                            <li><strong>{ &t.title }</strong>{ format!(" — {} · {}", span_text(s.format_date, t), (s.support)(t.articles.len())) }</li>
                        }) }</ol>
                        if !seen_once.is_empty() {
                            <details class="seen-once-list">
                                <summary>{ (s.seen_once)(seen_once.len()) }</summary>
                                <ul class="role-list">{ for seen_once.iter().map(|t| html! {
                                    <li><strong>{ &t.title }</strong>{ format!(" — {}", span_text(s.format_date, t)) }</li>
                                }) }</ul>
                            </details>
                        }
                    }
                    if !undated.is_empty() {
                        <h3>{ s.undated_roles }</h3>
                        <ul class="role-list">{ for undated_items }</ul>
                    }
                </section>
            }
            if !held.is_empty() {
                <section class="roles holders" aria-labelledby="holders-heading">
                    <h2 id="holders-heading">{ s.holders_heading }</h2>
                    <ol class="role-list">{ for holder_items }</ol>
                </section>
            }
            <div class="entity-body">
                <section class="mentions" aria-labelledby="mentions-heading">
                    <h2 id="mentions-heading">{ (s.mentions_heading)(seen.len(), total) }</h2>
                    <ol class="mention-list">{ for mentions }</ol>
                    if total > seen.len() {
                        <p class="more"><button type="button" onclick={more}>{ (s.more_mentions)(total - seen.len()) }</button></p>
                    }
                </section>
                if !related.is_empty() {
                    <aside class="related" aria-labelledby="related-heading">
                        <h2 id="related-heading">{ s.mentioned_with }</h2>
                        <ul class="chips">{ for related_items }</ul>
                    </aside>
                }
            </div>
        </section>
    }
}

/// A coordinate in whole units: the timeline needs no finer, and the app
/// then carries no float formatting.
fn px(v: f64) -> String {
    (v.round() as i64).to_string()
}

fn span_text(format: fn(PartialDate) -> String, t: &Tenure) -> String {
    if t.first == t.last {
        format(t.first)
    } else {
        format!("{} – {}", format(t.first), format(t.last))
    }
}

/// The titles as lanes on an axis fitted to their dates, each article
/// giving a title a dot linking to it; each lane says in how many articles
/// the title is given, and the titles given in a single article share the
/// last line ("seen once").
fn timeline(
    corpus: &SharedCorpus,
    state: &ViewState,
    name: &str,
    lanes: &[Tenure],
    seen_once: &[Tenure],
) -> Html {
    let s = strings(state.query.lang);
    let all = || lanes.iter().chain(seen_once);
    let (Some(first), Some(last)) = (all().map(|t| t.first).min(), all().map(|t| t.last).max())
    else {
        return Html::default();
    };
    let axis = Axis::fitted(first, last);
    // As wide as the window allows, up to 640: drawn at its own size on a
    // phone, its labels keep their size rather than shrink or be cut.
    let width = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .map_or(640.0, |w| (w - 32.0).clamp(300.0, 640.0))
        .round();
    const LEFT: f64 = 24.0;
    const RIGHT: f64 = 24.0;
    const LANE: f64 = 44.0;
    let x = |d: PartialDate| LEFT + axis.position(d) * (width - LEFT - RIGHT);
    let rows = lanes.len() + usize::from(!seen_once.is_empty());
    let height = LANE * rows as f64 + 28.0;
    let ticks = axis.ticks.iter().map(|&t| {
        let at = x(t);
        let label = match t.month {
            Some(m) if m == 1 || axis.ticks.len() <= 2 => format!("{m}/{}", t.year),
            Some(m) => format!("{m}/{}", t.year % 100),
            None => t.year.to_string(),
        };
        html! {
            <g class="tick" data-tick={t.to_string()}>
                <line x1={px(at)} x2={px(at)} y1="0" y2={px(height - 20.0)} />
                <text x={px(at)} y={px(height - 6.0)} text-anchor="middle">{ label }</text>
            </g>
        }
    });
    let dots = |t: &Tenure, y: f64, with_title: bool| {
        t.articles
            .iter()
            .filter_map(|id| {
                let a = corpus.article(id)?;
                let d = a.date?;
                let href = state.apply(Action::Open(Route::Read(id.clone()))).to_hash();
                let label = if with_title {
                    format!("{} — {} — {}", t.title, (s.format_date)(d), a.title)
                } else {
                    format!("{} — {}", (s.format_date)(d), a.title)
                };
                Some(html! {
                    <a href={href} aria-label={label.clone()}>
                        <title>{ label }</title>
                        <circle cx={px(x(d))} cy={px(y)} r="6" />
                    </a>
                })
            })
            .collect::<Html>()
    };
    let lane_rows = lanes.iter().enumerate().map(|(i, t)| {
        let y = LANE * i as f64 + 30.0;
        let (x1, x2) = (x(t.first), x(t.last));
        html! {
            <g class="lane" data-type={EntityType::Title.as_str()} data-office={t.office.clone()} data-support={t.articles.len().to_string()}>
                <text class="lane-label" x={px(LEFT)} y={px(y - 12.0)}>{ &t.title }</text>
                <text class="lane-support" x={px(width - RIGHT)} y={px(y - 12.0)} text-anchor="end">{ (s.support)(t.articles.len()) }</text>
                <line class="span" x1={px(x1)} x2={px(x2)} y1={px(y)} y2={px(y)} />
                { dots(t, y, false) }
            </g>
        }
    });
    let once_row = (!seen_once.is_empty()).then(|| {
        let y = LANE * lanes.len() as f64 + 30.0;
        html! {
            <g class="lane seen-once" data-seen-once={seen_once.len().to_string()}>
                <text class="lane-label" x={px(LEFT)} y={px(y - 12.0)}>{ (s.seen_once)(seen_once.len()) }</text>
                { for seen_once.iter().map(|t| dots(t, y, true)) }
            </g>
        }
    });
    html! {
        <svg class="timeline" viewBox={format!("0 0 {} {}", px(width), px(height))} role="group" aria-label={(s.timeline_label)(name)} preserveAspectRatio="xMinYMin meet">
            { for ticks }
            { for lane_rows }
            { for once_row }
        </svg>
    }
}
