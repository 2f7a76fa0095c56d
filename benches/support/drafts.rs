//! Realistic drafts of any length, generated: mostly clean seller prose (order updates, customization
//! questions, delivery, thanks) full of template placeholders, order numbers, dates and prices, with a
//! violation every few sentences (links, addresses, phone numbers, review requests, discounts,
//! emoji, markup), as a template library or a long paste looks. Deterministic: the same seed gives
//! the same draft, so runs compare.

const PLACEHOLDERS: &[&str] = &["${order.recipient_name}", "{{order_id}}", "[buyer name]", "%FIRSTNAME%", "*|FNAME|*", "{product}"];

const CLEAN: &[&str] = &[
    "Thank you for your order {P} of the {ITEM}.",
    "We are sorry to tell you that the carrier reported a delay: your parcel will arrive in about two weeks.",
    "Which engraving text would you like on the lid? Please reply with the exact wording and the font.",
    "Your order {ID} left our warehouse on {DATE} and the tracking number is 1Z999AA10123456784.",
    "The {ITEM} costs ${PRICE} and weighs 2.5 kg; model XR-2000-15 fits every standard mount.",
    "If anything arrives damaged, please send us a photo of the box so we can help quickly.",
    "Hello {P}, the freight carrier needs to schedule a delivery appointment with you.",
    "Could you confirm your shipping address? The apartment number seems to be missing.",
    "Here is the user guide for your new {ITEM}, with some tips for cleaning it.",
    "We hope you enjoy your purchase, and we are here if you need anything about this order.",
    "Delivery takes 3-5 business days; the estimated delivery date is {DATE}.",
    "Dear {P}, your personalized {ITEM} is ready and we will start production tomorrow.",
    "Please note that the colour may look slightly different from the photos on the listing.",
    "Best regards, {P} and the team at {P}.",
    "Size 10.5 runs small, so we recommend ordering one size up next time.",
    "The replacement part ships today from our warehouse in Ohio.",
];

const VIOLATIONS: &[&str] = &[
    "If you liked the product, please leave us a 5-star review at www.myshop.com.",
    "Email support@myshop.com or call 555-123-4567 for faster help.",
    "Use the code SAVE20 for 20% off your next order!",
    "Hurry, only 3 units left in stock.",
    "Follow us on Instagram for new arrivals 😀",
    "Rate us ★★★★★ on Amazon!",
    "Click <a href=\"https://example.org/deals\">here</a>&nbsp;for details.",
    "Buy 2 get 1 free this week only.",
    "Please mention how soft it is in your review.",
    "Write to name [at] mail [dot] com or visit w w w . shop . com today.",
    "We will send you a free gift card once you leave a review.",
];

const ITEMS: &[&str] = &["mug", "bracelet", "blender", "phone case", "wall clock", "bed sheet set", "garden hose"];

/// A draft of exactly `chars` characters (Unicode scalar values), from `seed`.
pub fn draft(chars: usize, seed: u64) -> String {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut out = String::with_capacity(chars + 256);
    let mut count = 0;
    let mut in_paragraph = 0;
    while count < chars {
        let sentence = if rng.below(6) == 0 { rng.pick(VIOLATIONS) } else { rng.pick(CLEAN) };
        let start = out.len();
        fill(&mut out, sentence, &mut rng);
        in_paragraph += 1;
        if in_paragraph >= 3 + rng.below(3) {
            out.push_str(if rng.below(4) == 0 { "\n" } else { "\n\n" });
            in_paragraph = 0;
        } else {
            out.push(' ');
        }
        count += out[start..].chars().count();
    }
    if let Some((end, _)) = out.char_indices().nth(chars) {
        out.truncate(end);
    }
    out
}

fn fill(out: &mut String, sentence: &str, rng: &mut Rng) {
    let mut rest = sentence;
    while let Some(at) = rest.find('{') {
        let (slot, after) = match rest[at..].find('}') {
            Some(close) => (&rest[at..at + close + 1], &rest[at + close + 1..]),
            None => break,
        };
        out.push_str(&rest[..at]);
        match slot {
            "{P}" => out.push_str(rng.pick(PLACEHOLDERS)),
            "{ITEM}" => out.push_str(rng.pick(ITEMS)),
            "{ID}" => out.push_str(&format!("{:03}-{:07}-{:07}", rng.below(1000), rng.below(10_000_000), rng.below(10_000_000))),
            "{DATE}" => out.push_str(&format!("{}/{}/2025", 1 + rng.below(12), 1 + rng.below(28))),
            "{PRICE}" => out.push_str(&format!("{}.{:02}", 5 + rng.below(200), rng.below(100))),
            other => out.push_str(other),
        }
        rest = after;
    }
    out.push_str(rest);
}

/// xorshift64*: enough randomness to vary drafts, and no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len() as u64) as usize]
    }
}
