#pragma once
// A documents header that implements the register's interface: check_layering must refuse it.
#include "registry/incoming_pdf_handler.h"
