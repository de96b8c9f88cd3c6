#pragma once
// Following references in a PDF read with PoDoFo, shared by everything in src/pdf that walks an
// existing file's objects (the stamp's overlay, page ink, font metrics).
#include <podofo/podofo.h>

namespace saraban::pdf {

// `o` with references followed (at most 8 deep, so a reference loop ends); nullptr when it is
// missing or still a reference (a dangling or looping one).
inline PoDoFo::PdfObject* resolve(PoDoFo::PdfVecObjects& objects, PoDoFo::PdfObject* o) {
  for (int depth = 0; o && o->IsReference() && depth < 8; ++depth) o = objects.GetObject(o->GetReference());
  return o && o->IsReference() ? nullptr : o;
}

// `dict`'s value for `name`, resolved; nullptr when `dict` is not a dictionary or has no such key.
inline PoDoFo::PdfObject* dict_value(PoDoFo::PdfVecObjects& objects, PoDoFo::PdfObject* dict, const char* name) {
  if (!dict || !dict->IsDictionary()) return nullptr;
  return resolve(objects, dict->GetDictionary().GetKey(name));
}

}  // namespace saraban::pdf
