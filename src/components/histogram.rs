//! The articles shown, counted by month (or year over a long span), in
//! front of the whole collection drawn faint on the same bars; each bar
//! with articles a link to the library limited to its period, a bar with
//! none bare (a link to nothing), and dragging over the bars
//! sets `from`/`to` to the months dragged over. The articles dated only to
//! a year and the undated ones have bars of their own, set apart.

use std::rc::Rc;

use doichieu_core::histogram::Histogram;
use doichieu_core::view::{Action, Lang, ViewState};
use doichieu_core::PartialDate;
use yew::prelude::*;

use crate::i18n::strings;
use crate::view::navigate;

/// What the chart keeps between renders, held by the page that draws it:
/// the bars dragged over, the chart's element, and where the bars stand
/// for the collection and language last drawn.
///
/// The chart is drawn by the page's own render rather than as a component
/// of its own: a component's new props are applied by Yew after a yield to
/// the browser when a render runs long, so its bars would change a frame
/// after the cards and facets, and a keystroke would wait for that frame.
pub struct ChartState {
    drag: UseStateHandle<Option<(usize, usize)>>,
    svg: NodeRef,
    /// Where a bar's name and count are told, and the mark on its place.
    label: NodeRef,
    lit: NodeRef,
    /// The bar the arrow keys are on.
    at: Rc<std::cell::Cell<Option<usize>>>,
    places: Rc<std::cell::RefCell<Option<Places>>>,
}

/// Where the bars stand, for this collection (the page's histogram of it,
/// known by its place in memory) and language.
struct Places {
    behind: Rc<Histogram>,
    lang: Lang,
    bars: Rc<Vec<BarPlace>>,
}

#[hook]
pub fn use_chart_state() -> ChartState {
    ChartState {
        drag: use_state_eq(|| None),
        svg: use_node_ref(),
        label: use_node_ref(),
        lit: use_node_ref(),
        at: use_memo((), |_| std::cell::Cell::new(None)),
        places: use_mut_ref(|| None),
    }
}

impl ChartState {
    /// Where the bars of `behind` stand, written once per collection and
    /// language: the page keeps `behind` while the collection stays, so the
    /// same one is the same collection.
    fn places(&self, behind: &Rc<Histogram>, lang: Lang) -> Rc<Vec<BarPlace>> {
        let mut kept = self.places.borrow_mut();
        match &*kept {
            Some(p) if p.lang == lang && Rc::ptr_eq(&p.behind, behind) => p.bars.clone(),
            _ => {
                let bars = Rc::new(BarPlace::all(behind, lang));
                *kept = Some(Places {
                    behind: behind.clone(),
                    lang,
                    bars: bars.clone(),
                });
                bars
            }
        }
    }
}

const WIDTH: f64 = 480.0;
const BARS_HEIGHT: f64 = 72.0;
const HEIGHT: f64 = BARS_HEIGHT + 22.0;
/// Room between the dated bars and those set apart.
const GAP: f64 = 24.0;
/// Year labels are at least this far apart.
const LABEL_SPACING: f64 = 60.0;

/// A length to a tenth, written without the float formatter (which would
/// weigh on the wasm).
fn px(v: f64) -> String {
    let mut out = String::new();
    push_px(&mut out, v);
    out
}

/// [`px`] written at the end of `out`.
fn push_px(out: &mut String, v: f64) {
    use std::fmt::Write;
    let tenths = (v * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let _ = write!(out, "{sign}{}.{}", tenths.abs() / 10, tenths.abs() % 10);
}

/// Where the bars go, from the whole collection's histogram: the width of
/// the dated bars, a bar's slot, the bars set apart (label, kind).
struct Layout {
    dated_width: f64,
    slot: f64,
    max: f64,
    apart: Vec<(&'static str, &'static str)>,
}

impl Layout {
    fn of(whole: &Histogram, lang: Lang) -> Self {
        let s = strings(lang);
        let apart: Vec<(&'static str, &'static str)> = [
            (s.year_only_bar, whole.year_only, "year-only"),
            (s.undated_bar, whole.undated, "undated"),
        ]
        .into_iter()
        .filter(|(_, n, _)| *n > 0)
        .map(|(name, _, kind)| (name, kind))
        .collect();
        // The bars set apart are wide enough for their labels.
        let dated_width = if apart.is_empty() {
            WIDTH
        } else {
            WIDTH - APART * apart.len() as f64 - GAP
        };
        Self {
            dated_width,
            slot: dated_width / whole.bars.len().max(1) as f64,
            max: whole.max_count().max(1) as f64,
            apart,
        }
    }

    fn height(&self, n: usize) -> f64 {
        if n == 0 {
            0.0
        } else {
            (n as f64 / self.max * BARS_HEIGHT).max(2.0)
        }
    }

    /// The bars of `h` with articles as one path, standing where `places`
    /// puts them.
    fn outline(&self, h: &Histogram, places: &[BarPlace]) -> String {
        let mut out = String::with_capacity(places.len() * 32);
        for (bar, place) in h.bars.iter().zip(places) {
            if bar.count > 0 {
                out.push_str(&place.foot);
                push_px(&mut out, self.height(bar.count));
                out.push_str(&place.top);
            }
        }
        out
    }

    /// Where the `k`th bar set apart starts.
    fn apart_x(&self, k: usize) -> f64 {
        WIDTH - APART * (self.apart.len() - k) as f64
    }
}

/// Width of a bar set apart.
const APART: f64 = 100.0;

/// A bar of the chart as the whole collection places it: its period (as
/// `data-month` or `data-year`, and by name), where its hit area stands,
/// and where its bar starts in the results' path, written once for every
/// query.
#[derive(PartialEq)]
struct BarPlace {
    month: Option<AttrValue>,
    year: Option<AttrValue>,
    name: String,
    x: AttrValue,
    width: AttrValue,
    height: AttrValue,
    /// The bar's outline in the results' path, before its height: from
    /// its foot's left end along the base line (`M<x> <base>h<width>v-`).
    foot: String,
    /// Its outline after its height: back along its top (`h-<width>z`).
    top: String,
}

impl BarPlace {
    fn all(whole: &Histogram, lang: Lang) -> Vec<BarPlace> {
        let s = strings(lang);
        let layout = Layout::of(whole, lang);
        let slot = layout.slot;
        let height = AttrValue::from(px(BARS_HEIGHT));
        let width = AttrValue::from(px(slot.max(1.0)));
        let bar_width = px((slot * 0.8).max(1.0));
        whole
            .bars
            .iter()
            .enumerate()
            .map(|(i, bar)| {
                let x = slot * i as f64;
                let period = AttrValue::from(bar.period.to_string());
                let (month, year) = match bar.period.month {
                    Some(_) => (Some(period), None),
                    None => (None, Some(period)),
                };
                BarPlace {
                    month,
                    year,
                    name: (s.format_date)(bar.period),
                    x: px(x).into(),
                    width: width.clone(),
                    height: height.clone(),
                    foot: format!("M{} {}h{bar_width}v-", px(x + slot * 0.1), px(BARS_HEIGHT)),
                    top: format!("h-{bar_width}z"),
                }
            })
            .collect()
    }
}

#[derive(Properties)]
struct BackdropProps {
    whole: Rc<Histogram>,
    lang: Lang,
    /// Where the bars of `whole` stand in `lang`, written once for both.
    places: Rc<Vec<BarPlace>>,
}

/// The same collection in the same language has the same places, kept by
/// the page.
impl PartialEq for BackdropProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.places, &other.places)
    }
}

/// The whole collection, faint, with the axis: drawn again only when the
/// collection or the language changes, not as the results do.
#[function_component]
fn Backdrop(props: &BackdropProps) -> Html {
    let layout = Layout::of(&props.whole, props.lang);
    let slot = layout.slot;
    let mut last_label = f64::NEG_INFINITY;
    let labels = props.whole.bars.iter().enumerate().filter_map(|(i, bar)| {
        let x = slot * i as f64;
        let opens_year = bar.period.month.is_none_or(|m| m == 1) || i == 0;
        (opens_year && x - last_label >= LABEL_SPACING && x + 30.0 <= layout.dated_width).then(
            || {
                last_label = x;
                let label = match bar.period.month {
                    Some(m) if m != 1 => format!("{m}/{}", bar.period.year),
                    _ => bar.period.year.to_string(),
                };
                html! { <text class="axis" x={px(x)} y={px(HEIGHT - 4.0)}>{ label }</text> }
            },
        )
    });
    let apart = layout.apart.iter().enumerate().map(|(k, (name, _))| {
        html! { <text class="axis apart-name" x={px(layout.apart_x(k) + 50.0)} y={px(HEIGHT - 4.0)} text-anchor="middle">{ *name }</text> }
    });
    html! {
        <g class="backdrop">
            // The collection's bars are one path, as the results' are.
            <path class="behind" d={layout.outline(&props.whole, &props.places)} />
            { for labels }
            { for apart }
            <line class="base" x1="0" x2={px(layout.dated_width)} y1={px(BARS_HEIGHT)} y2={px(BARS_HEIGHT)} />
        </g>
    }
}

/// The chart's place, empty and as tall as the chart, kept for it while it
/// is drawn (nothing below it moves when it comes).
pub fn histogram_place() -> Html {
    html! {
        <figure class="histogram" aria-hidden="true">
            <svg viewBox={format!("0 0 {} {}", px(WIDTH), px(HEIGHT))} preserveAspectRatio="xMinYMin meet"></svg>
            <figcaption></figcaption>
        </figure>
    }
}

/// The chart of `h`, the results, in front of `behind`, the whole
/// collection as the page keeps it, for the view `state`, with what
/// `chart` keeps.
///
/// A bar is one element with its count; what a query changes is those
/// counts and the results' outline, one attribute. A bar's name and count
/// are told under the chart as the pointer goes over it, or as the arrow
/// keys move over the bars once the chart has focus (one tab stop);
/// a click on a bar, or Enter on it, limits the library to its period.
pub fn histogram_chart(
    h: &Histogram,
    behind: &Rc<Histogram>,
    state: &ViewState,
    chart: &ChartState,
) -> Html {
    let lang = state.query.lang;
    let s = strings(lang);
    let layout = Layout::of(behind, lang);
    let (slot, dated_width) = (layout.slot, layout.dated_width);
    // Where each bar stands and what its period is called are written once
    // per collection and language; a query changes only the counts and
    // the results' outline.
    let places = chart.places(behind, lang);
    let bars: Rc<[(PartialDate, usize)]> = h.bars.iter().map(|b| (b.period, b.count)).collect();
    // The bar the reader points at (or has moved to by key): its name and
    // count told, its place lit.
    let point = {
        let (places, bars, label, lit) = (
            places.clone(),
            bars.clone(),
            chart.label.clone(),
            chart.lit.clone(),
        );
        move |at: Option<usize>| {
            let at = at.filter(|&i| i < bars.len().min(places.len()));
            if let Some(el) = label.get() {
                el.set_text_content(
                    at.map(|i| (s.bar_label)(&places[i].name, bars[i].1))
                        .as_deref(),
                );
            }
            if let Some(el) = lit.cast::<web_sys::Element>() {
                let _ = match at {
                    Some(i) => el.set_attribute("x", &places[i].x),
                    None => el.set_attribute("x", "-999"),
                };
            }
        }
    };
    let go_to = {
        let (bars, state) = (bars.clone(), state.clone());
        move |i: usize| {
            if let Some(&(period, n)) = bars.get(i) {
                if n > 0 {
                    navigate(&state.apply(Action::SetRange(Some(period), Some(period))));
                }
            }
        }
    };
    // The bars dragged over, as the pointer goes: first and current.
    let drag = &chart.drag;
    let svg_ref = chart.svg.clone();
    let bar_at = {
        let count = h.bars.len();
        let svg_ref = svg_ref.clone();
        // Yew delegates events to the root, so the chart is found by its ref.
        move |e: &PointerEvent| -> Option<usize> {
            let svg = svg_ref.cast::<web_sys::Element>()?;
            let rect = svg.get_bounding_client_rect();
            let x = (f64::from(e.client_x()) - rect.left()) / rect.width().max(1.0) * WIDTH;
            (count > 0 && (0.0..dated_width).contains(&x))
                .then(|| ((x / slot) as usize).min(count - 1))
        }
    };
    let onpointerdown = {
        let (drag, bar_at) = (drag.clone(), bar_at.clone());
        Callback::from(move |e: PointerEvent| {
            if let Some(i) = bar_at(&e) {
                drag.set(Some((i, i)));
            }
        })
    };
    let onpointermove = {
        let (drag, bar_at, point) = (drag.clone(), bar_at.clone(), point.clone());
        Callback::from(move |e: PointerEvent| {
            let at = bar_at(&e);
            point(at);
            if let (Some((first, _)), Some(i)) = (*drag, at) {
                drag.set(Some((first, i)));
            }
        })
    };
    let onpointerup = {
        let (drag, state, go_to) = (drag.clone(), state.clone(), go_to.clone());
        let bars = bars.clone();
        Callback::from(move |e: PointerEvent| {
            let Some((first, _)) = *drag else { return };
            drag.set(None);
            let last = bar_at(&e).unwrap_or(first);
            if last == first {
                go_to(first);
            } else {
                // Over several bars: their span.
                let (a, b) = (first.min(last), first.max(last));
                navigate(&state.apply(Action::SetRange(Some(bars[a].0), Some(bars[b].0))));
            }
        })
    };
    let onpointerleave = {
        let (drag, point) = (drag.clone(), point.clone());
        Callback::from(move |_: PointerEvent| {
            point(None);
            drag.set(None);
        })
    };
    // The keys: one tab stop, the arrows (and Home, End) from bar to bar,
    // Enter or Space to limit the library to the bar's period.
    let onkeydown = {
        let (at, point, n) = (chart.at.clone(), point.clone(), bars.len());
        Callback::from(move |e: KeyboardEvent| {
            if n == 0 {
                return;
            }
            let now = at.get();
            let next = match e.key().as_str() {
                "ArrowRight" | "ArrowUp" => now.map_or(0, |i| (i + 1).min(n - 1)),
                "ArrowLeft" | "ArrowDown" => now.map_or(n - 1, |i| i.saturating_sub(1)),
                "Home" => 0,
                "End" => n - 1,
                "Enter" | " " => {
                    e.prevent_default();
                    if let Some(i) = now {
                        go_to(i);
                    }
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            at.set(Some(next));
            point(Some(next));
        })
    };
    let onfocus = {
        let (at, point) = (chart.at.clone(), point.clone());
        // The last bar with articles, the newest, to start from.
        let newest = bars.iter().rposition(|&(_, n)| n > 0);
        Callback::from(move |_: FocusEvent| {
            let start = at.get().or(newest);
            at.set(start);
            point(start);
        })
    };
    let onblur = Callback::from(move |_: FocusEvent| point(None));
    let dragged = (**drag).filter(|(a, b)| a != b).map(|(a, b)| {
        let (a, b) = (a.min(b), a.max(b));
        html! { <rect class="dragged" x={px(slot * a as f64)} y="0" width={px(slot * (b - a + 1) as f64)} height={px(BARS_HEIGHT)} /> }
    });
    let outline = layout.outline(h, &places);
    let hits = bars.iter().zip(places.iter()).map(|(&(_, n), place)| {
        let (month, year) = (place.month.clone(), place.year.clone());
        html! {
            <rect class="hit" data-month={month} data-year={year} data-count={n.to_string()} x={place.x.clone()} y="0" width={place.width.clone()} height={place.height.clone()} />
        }
    });
    let apart_bars = layout.apart.iter().enumerate().map(|(k, (name, kind))| {
        let undated = *kind == "undated";
        let n = if undated { h.undated } else { h.year_only };
        let bh = layout.height(n);
        let label = (s.bar_label)(name, n);
        let body = html! {
            <>
                <title>{ label }</title>
                <rect class="bar" x={px(layout.apart_x(k) + 30.0)} y={px(BARS_HEIGHT - bh)} width="40" height={px(bh)} />
            </>
        };
        // Each class a literal: a class computed goes through Yew's class set.
        let count = n.to_string();
        if undated {
            html! { <g class="apart undated" data-apart={*kind} data-count={count}>{ body }</g> }
        } else {
            html! { <g class="apart year-only" data-apart={*kind} data-count={count}>{ body }</g> }
        }
    });
    let width = places.first().map(|p| p.width.clone());
    html! {
        <figure class="histogram">
            <svg ref={svg_ref} data-histogram="" viewBox={format!("0 0 {} {}", px(WIDTH), px(HEIGHT))} role="group" tabindex="0" aria-label={s.histogram_label} aria-describedby="bar-told" preserveAspectRatio="xMinYMin meet"
                {onpointerdown} {onpointermove} {onpointerup} {onpointerleave} {onkeydown} onfocusin={onfocus} onfocusout={onblur}
                ondragstart={Callback::from(|e: DragEvent| e.prevent_default())}>
                <Backdrop whole={behind.clone()} {lang} places={places.clone()} />
                { for dragged }
                <rect ref={chart.lit.clone()} class="lit" x="-999" y="0" {width} height={px(BARS_HEIGHT)} />
                { for hits }
                // Over the bars' hit areas, which take the pointer.
                <path class="bar" d={outline} pointer-events="none" />
                { for apart_bars }
            </svg>
            <figcaption ref={chart.label.clone()} id="bar-told" aria-live="polite" data-hint={s.histogram_drag}></figcaption>
        </figure>
    }
}
