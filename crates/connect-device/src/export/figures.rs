//! The team's figures as CSV files, written by the `csv` crate from
//! `Serialize` rows, so a header and its column can never drift apart and
//! every field is quoted as CSV needs.

use connect_model::Timestamp;
use connect_model::insights::{Figure, ResidentFacts, ResidentRow, TeamInsights, per_resident_rows};

/// One figure as a CSV row.
#[derive(serde::Serialize)]
struct FigureRow {
    measure: String,
    /// The figure in words; `null` when there are no answers behind it.
    value: String,
    /// How many residents it is drawn from; empty when that is not shown.
    residents: String,
}

impl FigureRow {
    fn new(measure: String, figure: Figure) -> Self {
        let (value, residents) = match figure {
            Figure::Value { residents, .. } => (figure.words(), residents.to_string()),
            Figure::Suppressed | Figure::Withheld => (figure.words(), String::new()),
            Figure::NoData => ("null".to_owned(), "0".to_owned()),
        };
        Self { measure, value, residents }
    }
}

/// Writes `rows` as CSV with a header from their field names.
fn write<T: serde::Serialize>(rows: impl IntoIterator<Item = T>) -> String {
    let mut out = csv::Writer::from_writer(Vec::new());
    for row in rows {
        // Writing plain numbers and words into memory cannot fail.
        out.serialize(row).expect("a row of numbers and words writes as CSV");
    }
    let bytes = out.into_inner().expect("CSV in memory flushes");
    String::from_utf8(bytes).expect("CSV of UTF-8 fields is UTF-8")
}

/// The figures as CSV: `measure,value,residents`; suppressed and withheld
/// values in words with no count, and a figure with no answers behind it as
/// `null` (from 0 residents), never as a number.
#[must_use]
pub fn figures_csv(insights: &TeamInsights) -> String {
    write(insights.rows().into_iter().map(|(measure, figure)| FigureRow::new(measure, figure)))
}

/// One pseudonymous row per resident (no names, no words, no dates;
/// check-in scores only where the resident agreed).
#[must_use]
pub fn per_resident_csv(secret: &[u8], residents: &[ResidentFacts], now: Timestamp) -> String {
    let rows: Vec<ResidentRow> = per_resident_rows(secret, residents, now);
    if rows.is_empty() {
        // The header still says what the file would hold.
        return "pseudonym,months_supported,visits,ties_first_visit,ties_latest_visit,two_way_first_visit,\
                two_way_latest_visit,asks_raised,asks_met,offers_listed,offers_made_to_others,ucla3_first,\
                ucla3_latest,life_satisfaction_first,life_satisfaction_latest\n"
            .to_owned();
    }
    write(rows)
}

#[cfg(test)]
mod tests {
    use connect_model::insights::build;

    use super::*;

    #[test]
    fn a_figure_with_no_answers_is_null_from_no_residents_and_suppressed_ones_give_no_count() {
        let csv = figures_csv(&build(&[]));
        let mut lines = csv.lines();
        assert_eq!(lines.next(), Some("measure,value,residents"));
        let line = csv.lines().find(|l| l.starts_with("median life satisfaction at first check-in,")).unwrap();
        assert_eq!(line, "median life satisfaction at first check-in,null,0");
        assert!(csv.contains("residents supported,0,0"), "zero residents is a real zero: {csv}");
    }

    #[test]
    fn a_measure_with_a_comma_is_quoted() {
        let row = write([FigureRow::new("asks raised, met".into(), Figure::Suppressed)]);
        assert_eq!(row.lines().nth(1), Some("\"asks raised, met\",fewer than 5,"));
    }

    #[test]
    fn the_per_resident_file_has_its_header_even_with_nobody_in_it() {
        let empty = per_resident_csv(b"secret", &[], Timestamp::from_millis(0));
        let header = empty.lines().next().unwrap();
        let fields: Vec<&str> = header.split(',').collect();
        assert_eq!(fields.len(), 15);
        assert_eq!(fields[0], "pseudonym");
        // The same header the csv crate writes from the row's field names.
        let facts = ResidentFacts { resident: Some(connect_model::ResidentId::random()), ..ResidentFacts::default() };
        let one = per_resident_csv(b"secret", &[facts], Timestamp::from_millis(0));
        assert_eq!(one.lines().next(), Some(header));
    }
}
