/** How the German, French and Japanese press writes the money figures of the registry ("$1.5 billion"). */

const MONEY = /^(?:\$|US\$)?\s?(\d+)(?:\.(\d+))?\s(billion|million)$/i;

/**
 * Foreign forms of an amount in billions or millions: "$1.5 billion" gives "1,5 Milliarden", "1,5 milliard"
 * and "15億ドル"; other texts give none.
 */
export function figureVariants(text: string): string[] {
  const m = MONEY.exec(text.trim());
  if (!m) return [];
  const [, whole, frac, unit] = m;
  const local = frac ? `${whole},${frac}` : whole!;
  const plural = Number(whole) >= 2;
  if (unit!.toLowerCase() === "million")
    return [`${local} Millionen`, `${local} million${plural ? "s" : ""}`];
  const oku = (Number(`${whole}.${frac ?? "0"}`) * 10).toFixed(3).replace(/\.?0+$/, "");
  return [`${local} Milliarden`, `${local} milliard${plural ? "s" : ""}`, `${oku}億ドル`];
}
