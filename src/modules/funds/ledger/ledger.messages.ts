import { defineMessages } from "../../../platform/i18n";

// The ledger as sentences (issue 7 item 7): what moved, from whom or to whom, how much;
// the double entry one tap away. Amounts arrive already formatted.
export const ledgerText = defineMessages("funds-ledger", {
  es: {
    page_title: (title: string) => `Libro de movimientos — ${title}`,
    back: "Volver a la campaña",
    open_ledger: "Ver todo el libro",
    newer: "← Más recientes",
    older: "Más antiguos →",
    newest: "Ir a lo más reciente",
    gift_from: (who: string, amount: string, how: string) =>
      `Donativo de ${who}, ${amount}${how ? ` ${how}` : ""}`,
    gift_no_name: (amount: string, how: string) =>
      `Donativo sin nombre, ${amount}${how ? ` ${how}` : ""}`,
    how_cash: "en efectivo",
    how_check: "con cheque",
    how_card: "con tarjeta",
    how_transfer: "por transferencia",
    how_other: "por otro medio",
    payment_to: (payee: string, amount: string, purpose: string) =>
      `Pago a ${payee}, ${amount} (${purpose})`,
    payment: (amount: string) => `Pago, ${amount}`,
    refund: (amount: string) => `Reembolso, ${amount}`,
    bond_posted: (amount: string) => `Fianza pagada, ${amount}`,
    bond_returned: (amount: string) => `Fianza devuelta, ${amount}`,
    bond_returned_interest: (amount: string, interest: string) =>
      `Fianza devuelta, ${amount} más ${interest} de intereses`,
    bond_forfeited: (amount: string) => `Fianza perdida, ${amount}`,
    correction: (what: string) => `Corrección: anula «${what}»`,
    reversed: "Anulado después",
    double_entry: "Asiento doble",
    account_fund: "Fondo",
    account_bonds_receivable: "Fianzas por cobrar",
    account_outside: "Fuera (donantes, pagos)",
    more: "Más acciones",
    reverse: "Revertir…",
    reverse_title: "¿Revertir este movimiento?",
    reverse_what: "Movimiento:",
    reverse_body:
      "Se añadirá un movimiento igual con el signo contrario, ligado a este. El original se queda en el libro.",
  },
  en: {
    page_title: (title: string) => `Ledger — ${title}`,
    back: "Back to the campaign",
    open_ledger: "See the whole ledger",
    newer: "← Newer",
    older: "Older →",
    newest: "Go to the newest",
    gift_from: (who: string, amount: string, how: string) =>
      `Gift from ${who}, ${amount}${how ? ` ${how}` : ""}`,
    gift_no_name: (amount: string, how: string) =>
      `Gift with no name, ${amount}${how ? ` ${how}` : ""}`,
    how_cash: "cash",
    how_check: "by check",
    how_card: "by card",
    how_transfer: "by transfer",
    how_other: "another way",
    payment_to: (payee: string, amount: string, purpose: string) =>
      `Payment to ${payee}, ${amount} (${purpose})`,
    payment: (amount: string) => `Payment, ${amount}`,
    refund: (amount: string) => `Refund, ${amount}`,
    bond_posted: (amount: string) => `Bond posted, ${amount}`,
    bond_returned: (amount: string) => `Bond returned, ${amount}`,
    bond_returned_interest: (amount: string, interest: string) =>
      `Bond returned, ${amount} plus ${interest} interest`,
    bond_forfeited: (amount: string) => `Bond forfeited, ${amount}`,
    correction: (what: string) => `Correction: cancels “${what}”`,
    reversed: "Cancelled later",
    double_entry: "Double entry",
    account_fund: "Fund",
    account_bonds_receivable: "Bonds receivable",
    account_outside: "Outside (donors, payments)",
    more: "More actions",
    reverse: "Reverse…",
    reverse_title: "Reverse this movement?",
    reverse_what: "Movement:",
    reverse_body:
      "An equal movement with the opposite sign will be added, linked to this one. The original stays in the ledger.",
  },
});
