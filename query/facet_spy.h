// The one match spy of a counting pass: every facet a search asks for, counted while Xapian runs
// the match.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include <morgue/result.h>

#include "indexer/facet_ids.h"
#include "query/facet_id_column.h"
#include "query/facets.h"
#include "query/slot_reader.h"

namespace morgue::query {

/// Counts the facets `fields` over every document of the match it is added to, with one
/// virtual call per match whatever the number of facets. In a database with the facet-id slot
/// it reads that one value per match and increments arrays; in one written before it, it reads
/// each facet's own slot (and the kind, when the database has comments) and counts strings.
/// Either way the facets are the same. Borrows `database`, which must outlive it; one thread.
class FacetSpy : public Xapian::MatchSpy {
 public:
  /// `fields`: schema names of facet fields ("tag", "date", ...); `facet_ids`: the database's
  /// facet-id column, refreshed to the database's revision (borrowed), or null for a database
  /// without the facet-id slot; `any_comments`: whether the database holds any comment (if not,
  /// no document is read for its kind).
  FacetSpy(const Xapian::Database& database, const std::vector<std::string>& fields,
           const FacetIdColumn* facet_ids, bool any_comments);

  void operator()(const Xapian::Document& document, double weight) override;

  /// The facet of `field` (one of those counted): most frequent values first, at most `limit`;
  /// the date facet lists every bucket in time order.
  Facet result(const std::string& field, std::size_t limit) const;

 private:
  void count_facet_ids(Xapian::docid docid);
  void count_slots(Xapian::docid docid);

  const Xapian::Database& database_;
  std::optional<DayTally> days_;

  // With the facet-id slot: its column, the kind id of comments, and a tally per section of
  // schema::kFacetIdFields but the date (null where the facet is not asked for).
  const FacetIdColumn* facet_ids_;
  std::uint64_t comment_id_ = UINT64_MAX;
  std::array<std::unique_ptr<IdTally>, schema::kFacetIdFields.size() - 1> id_tallies_;

  // Without it: a reader and a tally per facet, the kind's and the date's readers.
  struct SlotCount {
    const schema::Field* field;
    SlotReader values;
    ValueTally tally;
  };
  std::vector<std::unique_ptr<SlotCount>> slot_counts_;
  std::optional<SlotReader> kinds_;
  std::optional<SlotReader> dates_;
};

}  // namespace morgue::query
