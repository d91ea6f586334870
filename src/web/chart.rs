//! Charts as inline SVG, drawn by `plotters` from a report's figures.
//!
//! Coordinates are integers in the figure's display unit (cents for money,
//! hundredths for percentages), taken from the report's decimals rounded
//! half-up as they are shown; labels are the report's figures as the page
//! prints them. No figure is computed here and no float is used.

use maud::{html, Markup, PreEscaped};
use plotters::coord::ranged1d::SegmentValue;
use plotters::prelude::*;
use rust_decimal::Decimal;

use crate::num;

const W: u32 = 720;
const H: u32 = 300;

const UP: RGBColor = RGBColor(198, 40, 40);
const DOWN: RGBColor = RGBColor(46, 125, 50);
const BLUE: RGBColor = RGBColor(31, 95, 174);
const GREY: RGBColor = RGBColor(140, 150, 162);
const INK: RGBColor = RGBColor(29, 35, 43);

/// `x` in units of 10^-dp, half-up: the integer the chart plots.
pub fn units(x: Decimal, dp: u32) -> i64 {
    let mut r = num::round_half_up(x, dp);
    r.rescale(dp);
    i64::try_from(r.mantissa()).unwrap_or(if r.is_sign_negative() {
        i64::MIN / 4
    } else {
        i64::MAX / 4
    })
}

/// The integer `v` (in units of 10^-dp) as a grouped number with `shown` decimals.
fn label(v: i64, dp: u32, shown: u32) -> String {
    num::group(Decimal::new(v, dp), shown)
}

/// A range that holds every value and zero, with some room above and below.
fn span(values: impl Iterator<Item = i64>) -> (i64, i64) {
    let (mut lo, mut hi) = (0i64, 0i64);
    for v in values {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    let pad = ((hi - lo) / 8).max(1);
    (if lo < 0 { lo - pad } else { 0 }, hi + pad)
}

/// Runs a drawing; a failure (or a panic inside the charting library)
/// leaves the chart out, never the page.
fn guarded(
    draw: impl FnOnce(&mut String) -> Result<(), Box<dyn std::error::Error>>,
) -> (String, bool) {
    let mut svg = String::new();
    let ok = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| draw(&mut svg).is_ok()))
        .unwrap_or(false);
    (svg, ok)
}

fn figure(svg: String, caption: &str, ok: bool) -> Markup {
    html! {
        figure.chart {
            @if ok { (PreEscaped(svg)) }
            figcaption { (caption) }
        }
    }
}

fn font(size: u32) -> TextStyle<'static> {
    ("sans-serif", size).into_font().color(&INK)
}

/// One bar per item: a label under it, its value on top; red above zero,
/// green below. `dp` is the decimals of the values' unit.
pub fn bars(caption: &str, y_name: &str, dp: u32, items: &[(String, Decimal, String)]) -> Markup {
    if items.is_empty() {
        return html! {};
    }
    let (svg, ok) = guarded(|svg| draw_bars(svg, y_name, dp, items));
    figure(svg, caption, ok)
}

fn draw_bars(
    svg: &mut String,
    y_name: &str,
    dp: u32,
    items: &[(String, Decimal, String)],
) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::with_string(svg, (W, H)).into_drawing_area();
    root.fill(&WHITE)?;
    let vals: Vec<i64> = items.iter().map(|(_, v, _)| units(*v, dp)).collect();
    let (lo, hi) = span(vals.iter().copied());
    // an integer range holds both its ends: 0..=n−1 is n columns
    let last = items.len().saturating_sub(1) as i32;
    let mut chart = ChartBuilder::on(&root)
        .margin(12)
        .margin_right(34)
        .x_label_area_size(34)
        .y_label_area_size(86)
        .build_cartesian_2d((0..last).into_segmented(), lo..hi)?;
    let x_fmt = |x: &SegmentValue<i32>| match x {
        SegmentValue::CenterOf(i) | SegmentValue::Exact(i) => usize::try_from(*i)
            .ok()
            .and_then(|i| items.get(i))
            .map(|(l, _, _)| l.clone())
            .unwrap_or_default(),
        SegmentValue::Last => String::new(),
    };
    let y_fmt = |v: &i64| label(*v, dp, 0);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(WHITE)
        .bold_line_style(RGBColor(226, 230, 236))
        .y_desc(y_name)
        .x_labels(items.len())
        .x_label_formatter(&x_fmt)
        .y_label_formatter(&y_fmt)
        .label_style(font(13))
        .axis_desc_style(font(12))
        .draw()?;
    // one rectangle per bar, in the items' order (plotters' Histogram
    // gathers bars in a hash map, so the SVG's order changed run to run)
    chart.draw_series(vals.iter().enumerate().map(|(i, v)| {
        let style = if *v < 0 { DOWN.filled() } else { UP.filled() };
        let mut bar = Rectangle::new(
            [
                (SegmentValue::Exact(i as i32), 0),
                (SegmentValue::Exact(i as i32 + 1), *v),
            ],
            style,
        );
        bar.set_margin(0, 0, 18, 18);
        bar
    }))?;
    chart.draw_series(
        items
            .iter()
            .zip(&vals)
            .enumerate()
            .map(|(i, ((_, _, text), v))| {
                Text::new(
                    text.clone(),
                    (SegmentValue::CenterOf(i as i32), *v),
                    font(12).pos(plotters::style::text_anchor::Pos::new(
                        plotters::style::text_anchor::HPos::Center,
                        if *v < 0 {
                            plotters::style::text_anchor::VPos::Top
                        } else {
                            plotters::style::text_anchor::VPos::Bottom
                        },
                    )),
                )
            }),
    )?;
    root.present()?;
    Ok(())
}

/// A line of a line chart.
pub struct Series {
    /// Its name, in the legend.
    pub name: String,
    /// Its points, in the chart's units.
    pub points: Vec<(i64, i64)>,
    /// Its colour.
    pub kind: Kind,
}

/// How a series is drawn.
#[derive(Clone, Copy)]
pub enum Kind {
    /// The main line, with its points marked.
    Main,
    /// An upper bound.
    Upper,
    /// A lower bound.
    Lower,
    /// A reference level.
    Reference,
}

/// Axes of a line chart: names and the decimals of each unit.
pub struct Axes<'a> {
    /// Name of the x axis.
    pub x_name: &'a str,
    /// Decimals of the x unit.
    pub x_dp: u32,
    /// Decimals shown on the x labels.
    pub x_shown: u32,
    /// Name of the y axis.
    pub y_name: &'a str,
    /// Decimals of the y unit.
    pub y_dp: u32,
    /// Decimals shown on the y labels.
    pub y_shown: u32,
}

/// Lines over a shared x axis.
pub fn lines(caption: &str, axes: &Axes, series: &[Series]) -> Markup {
    if series.iter().all(|s| s.points.is_empty()) {
        return html! {};
    }
    let (svg, ok) = guarded(|svg| draw_lines(svg, axes, series));
    figure(svg, caption, ok)
}

fn draw_lines(
    svg: &mut String,
    axes: &Axes,
    series: &[Series],
) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::with_string(svg, (W, H)).into_drawing_area();
    root.fill(&WHITE)?;
    let xs = series.iter().flat_map(|s| s.points.iter().map(|p| p.0));
    let (x_lo, x_hi) = match (xs.clone().min(), xs.max()) {
        (Some(a), Some(b)) if a < b => (a, b),
        (Some(a), _) => (a - 1, a + 1),
        _ => (0, 1),
    };
    let (y_lo, y_hi) = span(series.iter().flat_map(|s| s.points.iter().map(|p| p.1)));
    let mut chart = ChartBuilder::on(&root)
        .margin(12)
        .margin_right(34)
        .x_label_area_size(40)
        .y_label_area_size(86)
        .build_cartesian_2d(x_lo..x_hi, y_lo..y_hi)?;
    let x_fmt = |v: &i64| label(*v, axes.x_dp, axes.x_shown);
    let y_fmt = |v: &i64| label(*v, axes.y_dp, axes.y_shown);
    chart
        .configure_mesh()
        .light_line_style(WHITE)
        .bold_line_style(RGBColor(226, 230, 236))
        .x_desc(axes.x_name)
        .y_desc(axes.y_name)
        .x_label_formatter(&x_fmt)
        .y_label_formatter(&y_fmt)
        .label_style(font(12))
        .axis_desc_style(font(12))
        .draw()?;
    for s in series {
        let (color, width) = match s.kind {
            Kind::Main => (BLUE, 3),
            Kind::Upper => (UP, 2),
            Kind::Lower => (DOWN, 2),
            Kind::Reference => (GREY, 1),
        };
        let style = color.stroke_width(width);
        let drawn = match s.kind {
            Kind::Main => chart.draw_series(LineSeries::new(s.points.iter().copied(), style))?,
            _ => chart.draw_series(DashedLineSeries::new(s.points.iter().copied(), 6, 4, style))?,
        };
        drawn
            .label(s.name.clone())
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], style));
        if let Kind::Main = s.kind {
            chart.draw_series(s.points.iter().map(|p| Circle::new(*p, 3, BLUE.filled())))?;
        }
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.85))
        .border_style(RGBColor(226, 230, 236))
        .label_font(font(12))
        .draw()?;
    root.present()?;
    Ok(())
}

/// Dots in columns: one column per group, one dot per value (percent,
/// 2 decimals), with the dot's name beside it.
pub fn dots(caption: &str, y_name: &str, groups: &[(String, Vec<(Decimal, String)>)]) -> Markup {
    if groups.iter().all(|g| g.1.is_empty()) {
        return html! {};
    }
    let (svg, ok) = guarded(|svg| draw_dots(svg, y_name, groups));
    figure(svg, caption, ok)
}

fn draw_dots(
    svg: &mut String,
    y_name: &str,
    groups: &[(String, Vec<(Decimal, String)>)],
) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::with_string(svg, (W, H)).into_drawing_area();
    root.fill(&WHITE)?;
    let (lo, hi) = span(
        groups
            .iter()
            .flat_map(|g| g.1.iter().map(|(v, _)| units(*v, 2))),
    );
    let last = groups.len().saturating_sub(1) as i32;
    let mut chart = ChartBuilder::on(&root)
        .margin(12)
        .margin_right(34)
        .x_label_area_size(34)
        .y_label_area_size(70)
        .build_cartesian_2d((0..last).into_segmented(), lo..hi)?;
    let x_fmt = |x: &SegmentValue<i32>| match x {
        SegmentValue::CenterOf(i) | SegmentValue::Exact(i) => usize::try_from(*i)
            .ok()
            .and_then(|i| groups.get(i))
            .map(|g| g.0.clone())
            .unwrap_or_default(),
        SegmentValue::Last => String::new(),
    };
    let y_fmt = |v: &i64| format!("{}%", label(*v, 2, 0));
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(WHITE)
        .bold_line_style(RGBColor(226, 230, 236))
        .y_desc(y_name)
        .x_labels(groups.len())
        .x_label_formatter(&x_fmt)
        .y_label_formatter(&y_fmt)
        .label_style(font(13))
        .axis_desc_style(font(12))
        .draw()?;
    for (i, (_, vals)) in groups.iter().enumerate() {
        let x = SegmentValue::CenterOf(i as i32);
        chart.draw_series(vals.iter().map(|(v, name)| {
            let y = units(*v, 2);
            let color = if y < 0 { DOWN } else { UP };
            EmptyElement::at((x.clone(), y))
                + Circle::new((0, 0), 5, color.mix(0.8).filled())
                + Text::new(name.clone(), (9, -7), font(11))
        }))?;
    }
    root.present()?;
    Ok(())
}

/// Counts as bars: one bar per bucket, labelled.
pub fn histogram(caption: &str, y_name: &str, buckets: &[(String, u64)]) -> Markup {
    let items: Vec<(String, Decimal, String)> = buckets
        .iter()
        .map(|(l, n)| (l.clone(), Decimal::from(*n), n.to_string()))
        .collect();
    if items.is_empty() {
        return html! {};
    }
    let (svg, ok) = guarded(|svg| draw_bars(svg, y_name, 0, &items));
    figure(svg, caption, ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_round_half_up() {
        assert_eq!(units(Decimal::new(297_670_005, 3), 2), 29_767_001);
        assert_eq!(units(Decimal::new(-5, 3), 2), -1);
    }

    #[test]
    fn labels_are_escaped_by_the_backend() {
        let m = bars(
            "c",
            "y",
            2,
            &[("<script>x</script>".into(), Decimal::ONE, "<b>1</b>".into())],
        )
        .into_string();
        assert!(!m.contains("<script>"), "{m}");
        assert!(!m.contains("<b>"), "{m}");
        assert!(m.contains("&lt;script&gt;"), "{m}");
    }
}
