/* datadir.c - finds the data directory: environment, source tree next to the program, or the installed path. */
#include "datadir.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef FC_DATADIR
#define FC_DATADIR "/usr/local/share/figcheck"
#endif

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

static char found[PATH_MAX];

static int is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* build/bin/PROG -> ../../extractors, so a program run from the tree uses the tree's rules. */
static int from_exe(void)
{
	char exe[PATH_MAX], probe[PATH_MAX + 32];

	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *slash;
	int i;

	if (n <= 0)
		return 0;
	exe[n] = '\0';
	for (i = 0; i < 3; i++) {
		if (!(slash = strrchr(exe, '/')))
			return 0;
		*slash = '\0';
	}
	/* exe is now the tree root, if the program lived in ROOT/build/bin */
	snprintf(probe, sizeof(probe), "%s/extractors/rules", exe);
	if (!is_dir(probe))
		return 0;
	if ((size_t)snprintf(found, sizeof(found), "%.*s/extractors", PATH_MAX - 16, exe) >= sizeof(found)) {
		found[0] = '\0';
		return 0;
	}
	return 1;
}

const char *fc_datadir(void)
{
	const char *env = getenv("FIGCHECK_DATADIR");

	if (env && *env)
		return env;
	if (found[0] || from_exe())
		return found;
	return FC_DATADIR;
}
