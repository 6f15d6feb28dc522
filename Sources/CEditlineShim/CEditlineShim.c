#include "CEditlineShim.h"
