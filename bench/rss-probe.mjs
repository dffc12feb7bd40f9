// Preloaded into a benchmarked child (`node --import <this file> ...`): reports the process's peak resident set size
// on stderr as it exits, which the parent cannot read reliably from outside once the child is gone.
export const RSS_MARKER = 'kspm-bench-max-rss-kib=';

process.on('exit', () => {
  process.stderr.write(`\n${RSS_MARKER}${process.resourceUsage().maxRSS}\n`);
});
