//! The collection over time, as the library draws it: how many articles
//! fall in each month, one bar a month however long the span (the link
//! contract: a `[data-month]` bar per month), with the articles dated only
//! to a year and the undated ones counted apart, never spread over bars
//! they may not belong to. Only a collection whose dates are all years is
//! counted by year.

use crate::date::PartialDate;

/// One bar: the month or the year it counts, and how many articles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bar {
    /// `YYYY-MM` for a month's bar, `YYYY` for a year's.
    pub period: PartialDate,
    pub count: usize,
}

/// Articles counted by when they were published.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Histogram {
    /// Every month (or year) from the first dated article's to the last's,
    /// empty ones included, oldest first.
    pub bars: Vec<Bar>,
    /// Articles dated to a year but not a month, when bars are months.
    pub year_only: usize,
    /// Articles with no date.
    pub undated: usize,
}

impl Histogram {
    /// Counts these articles' dates.
    pub fn of(dates: impl IntoIterator<Item = Option<PartialDate>>) -> Self {
        let mut out = Self::default();
        let mut dated: Vec<PartialDate> = Vec::new();
        for date in dates {
            match date {
                Some(d) => dated.push(d),
                None => out.undated += 1,
            }
        }
        let (Some(first), Some(last)) = (dated.iter().min(), dated.iter().max()) else {
            return out;
        };
        let month_index =
            |d: &PartialDate| usize::from(d.year) * 12 + usize::from(d.month.unwrap_or(1)) - 1;
        let by_month = dated.iter().any(|d| d.month.is_some());
        if by_month {
            let with_month: Vec<usize> = dated
                .iter()
                .filter(|d| d.month.is_some())
                .map(month_index)
                .collect();
            out.year_only = dated.len() - with_month.len();
            let (lo, hi) = (
                *with_month.iter().min().expect("some date has a month"),
                *with_month.iter().max().expect("some date has a month"),
            );
            let mut counts = vec![0; hi - lo + 1];
            for m in with_month {
                counts[m - lo] += 1;
            }
            out.bars = counts
                .into_iter()
                .enumerate()
                .map(|(k, count)| Bar {
                    period: PartialDate {
                        year: ((lo + k) / 12) as u16,
                        month: Some(((lo + k) % 12) as u8 + 1),
                        day: None,
                    },
                    count,
                })
                .collect();
        } else {
            out.bars = (first.year..=last.year)
                .map(|year| Bar {
                    period: PartialDate {
                        year,
                        month: None,
                        day: None,
                    },
                    count: dated.iter().filter(|d| d.year == year).count(),
                })
                .collect();
        }
        out
    }

    /// These dates counted into the bars of this histogram (of a larger
    /// set: the collection, behind its results), so that the two line up.
    /// A date outside the bars counts nowhere.
    pub fn within(&self, dates: impl IntoIterator<Item = Option<PartialDate>>) -> Self {
        let mut out = Self {
            bars: self.bars.iter().map(|b| Bar { count: 0, ..*b }).collect(),
            ..Self::default()
        };
        let Some(first) = self.bars.first().map(|b| b.period) else {
            out.undated = dates.into_iter().filter(Option::is_none).count();
            return out;
        };
        let by_month = first.month.is_some();
        let index = |d: PartialDate| -> Option<usize> {
            let years = usize::from(d.year).checked_sub(usize::from(first.year))?;
            if by_month {
                (years * 12 + usize::from(d.month?)).checked_sub(usize::from(first.month?))
            } else {
                Some(years)
            }
        };
        for date in dates {
            match date {
                None => out.undated += 1,
                Some(d) if by_month && d.month.is_none() => out.year_only += 1,
                Some(d) => {
                    if let Some(bar) = index(d).and_then(|i| out.bars.get_mut(i)) {
                        bar.count += 1;
                    }
                }
            }
        }
        out
    }

    /// The largest count of a bar, the undated and year-only ones included.
    pub fn max_count(&self) -> usize {
        self.bars
            .iter()
            .map(|b| b.count)
            .chain([self.year_only, self.undated])
            .max()
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<PartialDate> {
        PartialDate::parse(s)
    }

    /// Each bar as its period, written, and its count.
    fn bars(h: &Histogram) -> Vec<(String, usize)> {
        h.bars
            .iter()
            .map(|b| (b.period.to_string(), b.count))
            .collect()
    }

    #[test]
    fn months_are_counted_with_the_undated_and_year_only_apart() {
        let h = Histogram::of([
            d("2017-02-06"),
            d("2017-02"),
            d("2017-04-01"),
            d("2017"),
            None,
            None,
        ]);
        let bars = bars(&h);
        assert_eq!(
            bars,
            [
                ("2017-02".to_string(), 2),
                ("2017-03".to_string(), 0),
                ("2017-04".to_string(), 1)
            ]
        );
        assert_eq!((h.year_only, h.undated, h.max_count()), (1, 2, 2));
    }

    #[test]
    fn a_long_span_is_still_counted_by_month() {
        let h = Histogram::of([d("1907-02-09"), d("2025-05-10"), d("2025"), None]);
        assert_eq!(h.bars.len(), (2025 - 1907) * 12 + 3 + 1);
        assert_eq!(h.bars[0].period.to_string(), "1907-02");
        assert_eq!(h.bars.last().map(|b| b.count), Some(1));
        assert_eq!((h.year_only, h.undated), (1, 1));
    }

    #[test]
    fn dates_that_are_all_years_are_counted_by_year() {
        let h = Histogram::of([d("2016"), d("2018"), None]);
        let bars = bars(&h);
        assert_eq!(
            bars,
            [
                ("2016".to_string(), 1),
                ("2017".to_string(), 0),
                ("2018".to_string(), 1)
            ]
        );
    }

    #[test]
    fn results_are_counted_into_the_bars_of_the_whole() {
        let all = Histogram::of([d("2017-02-06"), d("2017-05"), d("2017"), None]);
        let some = all.within([d("2017-04-30"), d("2017"), None, d("2018-01")]);
        assert_eq!(
            bars(&some),
            [
                ("2017-02".to_string(), 0),
                ("2017-03".to_string(), 0),
                ("2017-04".to_string(), 1),
                ("2017-05".to_string(), 0)
            ]
        );
        assert_eq!((some.year_only, some.undated), (1, 1));
        let years = Histogram::of([d("2016"), d("2018")]).within([d("2018")]);
        assert_eq!(bars(&years)[2], ("2018".to_string(), 1));
    }

    #[test]
    fn no_dates_leave_only_the_undated() {
        let h = Histogram::of([None, None]);
        assert!(h.bars.is_empty());
        assert_eq!(h.undated, 2);
    }
}
