#pragma once
// Cross-report de-duplication (docs/store.md): reports from different articles that tell of
// the same event become one incident that lists all its sources.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "store/incident_store.hpp"

namespace incimap {

struct DedupRules {
    // Two located reports are the same place when their points are this close. 25 km is the
    // spread of "near al-Sukhnah" / "in the al-Sukhnah desert" phrasings of one event.
    double max_distance_km = 25;
    // Outlets date the same event a day apart (night attacks, time zones, "yesterday").
    int date_slack_days = 1;
    // A report without an event date is placed by its role: current news happened within
    // this many days before publication (the extractor's news window), ...
    int news_window_days = 7;
    // ... a recalled event within this many days ("a month after", "last year").
    int recall_window_days = 366;
    // Without an event date only close places merge: the spread of "near X" phrasings of one
    // town, not of two towns of one district.
    double undated_distance_km = 10;
};

// Why two reports are the same event ("same event type (ambush); 4.2 km apart; ..."), or
// nullopt when they are not (or come from the same article).
std::optional<std::string> same_event(const StoredReport& a, const StoredReport& b,
                                      const DedupRules& rules = {});

// The same test without the reasons: merging asks it far more often than it records the answer.
bool is_same_event(const StoredReport& a, const StoredReport& b, const DedupRules& rules = {});

// What is_same_event() reads of a report but its article, as one text: reports with equal
// keys are the same event as exactly the same reports (of other articles). An incident
// compares a joining report with one report per key, so that many near-identical reports of
// one event cost one comparison, not one each.
std::string comparison_key(const StoredReport& report);

// True when two event types may describe one event (docs/store.md lists the pairs).
bool compatible_event_types(const std::string& a, const std::string& b);

// The days a report's event may lie in: its date widened by its precision, or, undated, the
// window before its article's publication (the news window for current news, the recall
// window for a recalled event). nullopt when neither date is known: any day.
struct DayWindow {
    long first, last;  // days since 1970-01-01, inclusive
};
std::optional<DayWindow> event_window(const StoredReport& report, const DedupRules& rules);

// The rules, the mode and the merge's own version as one text. The store keeps the text of
// the merge its incidents come from; a run continues that merge only when its text is equal,
// and merges everything again otherwise.
std::string merge_settings(bool dedup, const DedupRules& rules);

struct DedupResult {
    // The incidents to write, in the order of their first report: every incident of a full
    // merge; of a continued one (continue_merge), the stored incidents that took a report
    // (their `sources` are the new ones only, after `stored_sources`) and the new incidents.
    std::vector<MergedIncident> incidents;
    std::size_t merges = 0;            // reports that joined an earlier report's incident
    std::size_t reports_merged = 0;    // reports this merge placed
    std::size_t comparisons = 0;       // same-event tests made: the merge's work
};

// Thrown by deduplicate() when `stop_requested` says so; nothing has been changed.
struct MergeInterrupted {};

struct MergeHooks {
    std::function<bool()> stop_requested;  // polled every few hundred reports
    std::function<void(std::size_t done, std::size_t total)> on_progress;  // reports merged
    // For a merge given only some of the store's incidents (merge_store): whether a stored
    // incident not given already has an id, which a new incident then must not take.
    std::function<bool(const std::string& incident_id)> stored_id_in_use;
};

// Groups reports into incidents. A report joins the first incident all of whose reports are
// the same event as it (so that A~B and B~C never chain A and C together unless A~C too);
// the incident keeps the id of its first report, which therefore stays stable as reports
// are added. Reports are taken in the given order (the store's: the order they were read).
DedupResult deduplicate(const std::vector<StoredReport>& reports, const DedupRules& rules = {},
                        const MergeHooks& hooks = {});

// A stored incident with the reports of it a continued merge reads: the ones it compares a
// joining report with (IncidentStore::stored_incidents) and the one it takes place, date and
// text from.
struct ContinuedIncident {
    const StoredIncident* stored;
    std::vector<const StoredReport*> compared;  // in report order; the first report first
    const StoredReport* best;
};

// Because a report's incident depends only on the reports before it, a merge can continue
// from the incidents an earlier merge (with the same rules, merge_settings()) made of the
// first reports: placing only `added`, the reports after all of theirs, gives the incidents
// a merge of every report would. Only the stored incidents that a lookup for some added
// report finds need be given (store_merge.hpp), in store order, and none of their reports
// may come from the article of an added report (the store adds an article's reports at once).
DedupResult continue_merge(const std::vector<ContinuedIncident>& stored,
                           const std::vector<StoredReport>& added, const DedupRules& rules = {},
                           const MergeHooks& hooks = {});

// One incident per report, for --no-dedup. Continuing a store needs nothing of its
// incidents but which ids they use (MergeHooks::stored_id_in_use).
DedupResult keep_reports_apart(const std::vector<StoredReport>& reports,
                               const MergeHooks& hooks = {});

// The merged record of several reports of one event: place, date and text from the most
// precise report, counts as in docs/store.md (the highest count, low/high across sources).
Incident merge_reports(const std::vector<const StoredReport*>& reports);

// merge_reports() one report at a time, in report order. A stored incident that takes a new
// report continues from its merged record and the little the store keeps beside it
// (IncidentMergeState), so its other reports are never read again.
class MergingIncident {
public:
    explicit MergingIncident(const StoredReport& first);
    // Continues an incident merged from earlier reports: `merged` as merge_reports() made it,
    // `best` the report it took place, date and text from (best_report()), and the first
    // actor and victims its reports named. `best` must outlive this object.
    MergingIncident(const Incident& merged, const StoredReport& best, std::string first_actor,
                    std::string first_victims);

    // Takes a report that comes after every report taken so far; it must outlive this object.
    void add(const StoredReport& report);
    Incident incident() const;

    std::int64_t best_report() const { return best_->report_id; }
    const std::string& first_actor() const { return first_actor_; }
    const std::string& first_victims() const { return first_victims_; }

private:
    std::string incident_id_;  // the first report's
    const StoredReport* best_;
    std::optional<Count> killed_, injured_, captured_;  // once some report gives a figure
    double confidence_ = 0;
    bool any_current_ = false;
    std::string first_actor_, first_victims_;  // the first non-empty ones
};

// DIR/dedup_report.csv: one row per report that joined another's incident, with the reasons.
// Written atomically.
void write_dedup_report(const DedupResult& result, const std::vector<StoredReport>& reports,
                        const std::filesystem::path& csv);
// The same from the incidents of a store, read row by row.
void write_dedup_report(IncidentStore& store, const std::filesystem::path& csv);

}  // namespace incimap
