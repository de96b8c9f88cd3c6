#pragma once
// A clean file, so the fixture has every stage.
#include <string>
