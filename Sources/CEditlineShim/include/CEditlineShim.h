#ifndef BNC_CEDITLINE_SHIM_H_PUBLIC
#define BNC_CEDITLINE_SHIM_H_PUBLIC
// Non-variadic wrappers over libedit's el_wset / history_w, which Swift cannot call.
#include <stdio.h>
#include <wchar.h>
#include <histedit.h>
#endif
