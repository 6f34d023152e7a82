// The doctest runner for all unit and end-to-end tests (one test binary).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
