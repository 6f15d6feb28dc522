#ifndef BNC_CEDITLINE_SHIM_H
#define BNC_CEDITLINE_SHIM_H
// The system libedit headers (apt: libedit-dev). Variadic calls are wrapped in CEditlineShim.
#include <stdio.h>
#include <wchar.h>
#include <histedit.h>
#endif
