/* The baseline of the compile benchmark: the bare libyaml event loop over manifest files.
 *
 *     yaml_parse PATH...
 *
 * Reads every file named, and every *.yaml / *.yml file below the folders named (hidden files and
 * folders skipped, like `switchboard check`), each whole into memory as the Swift reader does, and
 * runs yaml_parser_parse + yaml_event_delete until the stream ends. Builds nothing from the events.
 * Prints the file, byte and event counts to standard error; exit 1 on a parse error, 2 on I/O.
 *
 * Built by bench/run:  cc -O2 -o bench/.work/yaml_parse bench/yaml_parse.c -lyaml
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

static unsigned long files, events;
static unsigned long long bytes;

static int has_suffix(const char *name, const char *suffix) {
    size_t n = strlen(name), s = strlen(suffix);
    return n >= s && strcmp(name + n - s, suffix) == 0;
}

static int parse_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); return 2; }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *buffer = malloc(size > 0 ? (size_t)size : 1);
    if (!buffer || (size > 0 && fread(buffer, 1, (size_t)size, f) != (size_t)size)) {
        perror(path); fclose(f); free(buffer); return 2;
    }
    fclose(f);
    files++;
    bytes += (unsigned long long)size;
    if (size == 0) { free(buffer); return 0; } /* Debian's libyaml aborts on empty input */

    yaml_parser_t *parser = malloc(sizeof *parser); /* on the heap, as the Swift reader keeps it */
    yaml_parser_initialize(parser);
    yaml_parser_set_input_string(parser, buffer, (size_t)size);
    int status = 0;
    for (;;) {
        yaml_event_t event;
        if (!yaml_parser_parse(parser, &event)) {
            fprintf(stderr, "%s:%lu:%lu: %s\n", path, (unsigned long)parser->problem_mark.line + 1,
                    (unsigned long)parser->problem_mark.column + 1, parser->problem ? parser->problem : "error");
            status = 1;
            break;
        }
        events++;
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        if (done) break;
    }
    yaml_parser_delete(parser);
    free(parser);
    free(buffer);
    return status;
}

static int compare_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk(const char *path, int named) {
    struct stat st;
    if (stat(path, &st) != 0) { perror(path); return 2; }
    if (!S_ISDIR(st.st_mode)) {
        if (named || has_suffix(path, ".yaml") || has_suffix(path, ".yml")) return parse_file(path);
        return 0;
    }
    DIR *dir = opendir(path);
    if (!dir) { perror(path); return 2; }
    char **names = NULL;
    size_t count = 0, capacity = 0;
    struct dirent *entry;
    while ((entry = readdir(dir))) {
        if (entry->d_name[0] == '.') continue; /* hidden, and . and .. */
        if (count == capacity) {
            capacity = capacity ? capacity * 2 : 64;
            names = realloc(names, capacity * sizeof *names);
        }
        names[count++] = strdup(entry->d_name);
    }
    closedir(dir);
    qsort(names, count, sizeof *names, compare_names);
    int status = 0;
    for (size_t i = 0; i < count; i++) {
        size_t length = strlen(path) + strlen(names[i]) + 2;
        char *child = malloc(length);
        snprintf(child, length, "%s/%s", path, names[i]);
        int s = walk(child, 0);
        if (s > status) status = s;
        free(child);
        free(names[i]);
    }
    free(names);
    return status;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s PATH...\n", argv[0]);
        return 2;
    }
    int status = 0;
    for (int i = 1; i < argc; i++) {
        int s = walk(argv[i], 1);
        if (s > status) status = s;
    }
    fprintf(stderr, "%lu files, %llu bytes, %lu events\n", files, bytes, events);
    return status;
}
