/** Cheap structural scans and repairs of XML text, run before or between parser attempts. */

/**
 * Completes a truncated document: drops a trailing partial tag, closes an open CDATA section or comment, and
 * appends end tags for every element still open (innermost first). A complete document comes back unchanged.
 */
export function closeOpenElements(xml: string): string {
  const stack: string[] = [];
  let i = 0;
  let suffix = "";
  let cut = xml.length;
  for (;;) {
    const lt = xml.indexOf("<", i);
    if (lt === -1) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 33 /* ! */ || next === 63 /* ? */) {
      const marker = xml.startsWith("<!--", lt) ? "-->" : xml.startsWith("<![CDATA[", lt) ? "]]>" : ">";
      const end = xml.indexOf(marker, lt + 2);
      if (end === -1) {
        if (marker === ">") cut = lt;
        else suffix = marker;
        break;
      }
      i = end + marker.length;
      continue;
    }
    const gt = xml.indexOf(">", lt + 1);
    if (gt === -1) {
      cut = lt; // the document ends inside this tag
      break;
    }
    i = gt + 1;
    if (next === 47 /* / */) {
      const at = stack.lastIndexOf(tagName(xml, lt + 2, gt));
      if (at !== -1) stack.length = at;
    } else if (xml.charCodeAt(gt - 1) !== 47 && isNameStart(next)) {
      stack.push(tagName(xml, lt + 1, gt));
    }
  }
  if (stack.length === 0 && suffix === "" && cut === xml.length) return xml;
  const closers = stack
    .reverse()
    .map((name) => `</${name}>`)
    .join("");
  return `${xml.slice(0, cut)}${suffix}${closers}`;
}

/**
 * True when elements nest deeper than `limit` (CDATA, comments and declarations skipped; a close tag closes up to
 * its matching open tag, as a lenient parser does). Stops scanning as soon as the limit is passed.
 */
export function nestsDeeperThan(xml: string, limit: number): boolean {
  const stack: string[] = [];
  let i = 0;
  for (;;) {
    const lt = xml.indexOf("<", i);
    if (lt === -1) return false;
    const next = xml.charCodeAt(lt + 1);
    if (next === 33 /* ! */) {
      if (xml.startsWith("<!--", lt)) i = skipPast(xml, lt + 4, "-->");
      else if (xml.startsWith("<![CDATA[", lt)) i = skipPast(xml, lt + 9, "]]>");
      else i = skipPast(xml, lt + 2, ">");
      continue;
    }
    if (next === 63 /* ? */) {
      i = skipPast(xml, lt + 2, ">");
      continue;
    }
    const gt = xml.indexOf(">", lt + 1);
    if (gt === -1) return false;
    i = gt + 1;
    if (next === 47 /* / */) {
      const at = stack.lastIndexOf(tagName(xml, lt + 2, gt));
      if (at !== -1) stack.length = at;
    } else if (xml.charCodeAt(gt - 1) !== 47 && isNameStart(next)) {
      stack.push(tagName(xml, lt + 1, gt));
      if (stack.length > limit) return true;
    }
  }
}

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58 || c > 127;
}

function tagName(xml: string, from: number, gt: number): string {
  let end = from;
  while (end < gt) {
    const c = xml.charCodeAt(end);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) break;
    end++;
  }
  return xml.slice(from, end);
}

function skipPast(xml: string, from: number, marker: string): number {
  const end = xml.indexOf(marker, from);
  return end === -1 ? xml.length : end + marker.length;
}
