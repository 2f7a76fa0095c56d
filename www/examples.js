// @ts-check
/**
 * The gallery: example drafts written for this page, one click each to try. `expect` is what the
 * draft is meant to show; the verdict on screen is always the analyzer's own.
 * @module
 */

/**
 * @typedef {object} Example
 * @property {string} id
 * @property {'critical' | 'noncritical' | 'prohibited'} expect
 * @property {string} title
 * @property {string} note   what it shows, one line
 * @property {string} text
 */

/** @type {Example[]} */
export const EXAMPLES = [
  {
    id: 'engraving',
    expect: 'critical',
    title: 'Engraving text to confirm',
    note: 'A customization question: needed before the order can be made.',
    text: 'Hello Ann,\n\nBefore we engrave your cutting board, please confirm the name: your gift note says "Marta" but the personalization field says "Martha". Which spelling would you like?\n\nKind regards,\nOak & Ember Workshop',
  },
  {
    id: 'address',
    expect: 'critical',
    title: 'Address is incomplete',
    note: 'A shipping-address problem the buyer must solve.',
    text: 'Hi Ann, the carrier could not deliver your parcel because the apartment number is missing from the shipping address. Could you reply with your apartment number so we can send it again?',
  },
  {
    id: 'freight',
    expect: 'critical',
    title: 'Delivery appointment',
    note: 'Scheduling a freight delivery.',
    text: 'Hi Ann, the freight carrier needs to book a delivery appointment for your wardrobe. Which day suits you next week: Tuesday or Thursday morning?',
  },
  {
    id: 'care-tip',
    expect: 'noncritical',
    title: 'Care tip for the product',
    note: 'Useful, but not needed to receive the order.',
    text: 'Hi Ann, here are a few tips for your new cast-iron pan: dry it straight after washing, then rub in a drop of cooking oil so it does not rust.',
  },
  {
    id: 'honest-review',
    expect: 'noncritical',
    title: 'A fair review request',
    note: 'Allowed once per order, with neutral wording.',
    text: 'Hi Ann, we hope the desk lamp arrived safely. If you have a moment, we would appreciate an honest review of it on Amazon.',
  },
  {
    id: 'mixed',
    expect: 'noncritical',
    title: 'Critical question plus a tip',
    note: 'One non-critical sentence makes the whole message non-critical.',
    text: 'Hi Ann, which colour would you like for the engraving on your keyring: gold or silver? And here are some care tips: a soft dry cloth keeps the metal shiny.',
  },
  {
    id: 'five-star',
    expect: 'prohibited',
    title: 'Five stars, please',
    note: 'A positive-review request, star symbols and an emoji.',
    text: 'Hi Ann! If you love your new headphones, please leave us a 5-star review ★★★★★ It means the world to a small shop 😊',
  },
  {
    id: 'spelled-out',
    expect: 'prohibited',
    title: 'Spelled-out website and e-mail',
    note: 'Evasions still count: spaced links and [at]/[dot] addresses.',
    text: 'For care instructions and more colours, visit w w w . shop . com or write to us at name [at] mail [dot] com.',
  },
  {
    id: 'gift-card',
    expect: 'prohibited',
    title: 'Gift card for a review',
    note: 'Any reward for a review is forbidden.',
    text: 'Leave a review of your blender and we will send you a $10 gift card as a thank-you.',
  },
  {
    id: 'whatsapp',
    expect: 'prohibited',
    title: 'Take it off Amazon',
    note: 'A phone number and an invitation to talk elsewhere.',
    text: 'Sorry about the scratch! Call me at (555) 013-2288 or message us on WhatsApp and we will sort it out faster.',
  },
  {
    id: 'coupon',
    expect: 'prohibited',
    title: 'Coupon for the next order',
    note: 'Marketing is not allowed in buyer messages.',
    text: 'Thanks for shopping with us! Use code SAVE20 for 20% off your next order in our store.',
  },
  {
    id: 'cancel',
    expect: 'prohibited',
    title: 'Asks the buyer to cancel',
    note: 'The seller must cancel an order it cannot fill.',
    text: 'Hi Ann, we are out of stock of the blue mug. Please request a cancellation of your order from your account.',
  },
];
