#pragma once
// A register header that reads PDFs itself: check_layering must refuse it.
#include "pdf/pdf_inspection.h"
