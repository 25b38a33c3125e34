// Preloaded into a child process (node --import) to report its peak resident memory, worker threads included:
// at exit it writes process.resourceUsage().maxRSS (KiB) to the file PEAK_RSS_FILE names.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  if (process.env.PEAK_RSS_FILE)
    writeFileSync(process.env.PEAK_RSS_FILE, String(process.resourceUsage().maxRSS));
});
