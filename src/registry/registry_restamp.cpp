// Registry::restamp: the receive stamp drawn later for an original that has no stamped copy (the
// process died between receive's two transactions), and verify's notes naming those entries.
#include "base/error.h"
#include "registry/entry_ref.h"
#include "registry/registry.h"
#include "registry/stamp_notes.h"

namespace saraban::registry {
namespace {

std::string label(const Entry& e) { return "entry " + entry_address(e) + " (id " + std::to_string(e.id) + ")"; }

}  // namespace

// The original `restamp` would stamp, or why there is nothing to do.
Attachment Registry::restampable_original(const Entry& e, const std::vector<Attachment>& attachments) {
  const Attachment* original = nullptr;
  for (const auto& a : attachments) {
    if (a.kind == "stamped")
      throw Error(ErrorCode::WrongStage, label(e) + " already has a stamped copy; there is nothing to restamp",
                  "restamp");
    if (a.kind == "original") original = &a;
  }
  if (!original) throw Error(ErrorCode::NotFound, label(e) + " has no original file to stamp", "restamp");
  // receive stamps only these; a damaged ("corrupt") file the stamper may still repair.
  if (original->pdf_status != "ok" && original->pdf_status != "corrupt")
    throw Error(ErrorCode::PdfError,
                "the file '" + original->name + "' of " + label(e) + " cannot be stamped (" +
                    (original->pdf_status == "not-pdf" ? std::string("it is not a PDF") : "PDF status: " + original->pdf_status) +
                    ")",
                "restamp");
  return *original;
}

Restamped Registry::restamp(const User& actor, std::int64_t id) {
  require_role(actor, "restamp", {Role::Clerk});
  if (!pdfs_)
    throw Error(ErrorCode::Internal, "this register was opened without a PDF reader: it cannot draw a stamp", "restamp");
  Entry e;
  IncomingFile f;
  std::string office_name;
  store_.read([&] {
    e = visible_entry(actor, id);
    const Attachment original = restampable_original(e, store_.attachments(id));
    f.bytes = store_.attachment_bytes(original.sha256);
    f.name = original.name;
    f.status = original.pdf_status;
    office_name = store_.office().name;
  });
  // Drawn outside the write lock, as receive draws it: with the number, date and time issued.
  stamp_copy(f, e, office_name);
  const std::int64_t now = env_.now();
  Restamped out;
  store_.write(actor.id, [&] {
    // Another clerk's restamp, or the receive's own late transaction, may have stored it meanwhile.
    const auto attachments = store_.attachments(id);
    const Attachment original = restampable_original(visible_entry(actor, id), attachments);
    if (e.secrecy != Secrecy::None) store_.log_access(actor.id, e.id, "restamp", now);
    if (!f.stamped) {
      const std::string note = no_stamped_copy_note(f.stamp_problem);
      if (original.note != note) store_.set_attachment_note(e.id, "original", note);
      return;
    }
    store_stamped(actor, e, f, now);
    if (f.stamped_repaired) store_.add_attachment_note(e.id, "stamped", kRepairedNote);
    store_.set_attachment_note(e.id, "original", kRestampedNote);
    for (const auto& a : store_.attachments(id)) {
      if (a.kind == "stamped") out.stamped = a;
      if (a.kind == "original") out.original_note = a.note;
    }
  });
  if (!f.stamped)
    throw Error(ErrorCode::PdfError, "the stamp could not be drawn on " + label(e) + ": " + f.stamp_problem, "restamp");
  out.entry = e;
  return out;
}

// Inside verify's read: each pending stamp the reader may see, named with the command that draws it.
void Registry::note_pending_stamps(const User& actor, VerifyReport& r, std::vector<Entry>& secret_named) {
  for (std::int64_t id : store_.entries_with_note("original", kStampPendingNote)) {
    auto e = store_.entry(id);
    // Absent for the uncleared, like the entry itself.
    if (!e || static_cast<int>(e->secrecy) > static_cast<int>(actor.clearance)) continue;
    r.notes.push_back("stamp pending: " + label(*e) + " has its original but no stamped copy (saraban restamp " +
                      entry_address(*e) + " draws it)");
    if (e->secrecy != Secrecy::None) secret_named.push_back(*e);
  }
}

}  // namespace saraban::registry
