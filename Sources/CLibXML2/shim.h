// Debian's libxml2 is built with ICU, so its encoding.h includes the system <unicode/ucnv.h>, whose
// enums clash with the ICU copy inside Foundation in any Swift file importing both. We only ever
// hold xmlCharEncodingHandler by pointer, so hiding the ICU members changes nothing we use.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
