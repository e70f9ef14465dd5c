/* rulesdir.h - a temporary user rules directory for the tests of rule
 * files read at run time (tests/harness.c, which every test links).
 * Apart from harness.h because several tests define their own struct
 * fixture. */
#ifndef CLAIMDIFF_TESTS_RULESDIR_H
#define CLAIMDIFF_TESTS_RULESDIR_H

/* A new temporary user rules directory holding one file, file (a path
 * below it with one folder: "gazetteer/places.tsv"), written with
 * content; NULL, after printing why, when it can't be made. Remove it
 * and free the returned path with harness_rules_dir_free. */
char *harness_rules_dir(const char *file, const char *content);

/* Remove what harness_rules_dir(file, ...) made in dir and free dir.
 * NULL is a no-op. */
void harness_rules_dir_free(char *dir, const char *file);

#endif
