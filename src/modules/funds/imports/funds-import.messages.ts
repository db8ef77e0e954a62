import { defineMessages, plural } from "../../../platform/i18n";

// CSV imports of crowdfunding exports: upload, preview, commit. Volunteer screens: "tú".
export const importText = defineMessages("funds-import", {
  es: {
    link: "Importar desde CSV",
    upload_title: "Importar donativos desde un archivo CSV",
    upload_lede:
      "Sube el archivo que descargas de tu plataforma de recaudación (GoFundMe, Donorbox, PayPal…). Antes de guardar nada verás cómo se lee cada línea.",
    file_label: "Archivo CSV",
    file_hint:
      "Hasta 5 MB. Sirve el CSV tal como lo exporta la plataforma, o el de Excel («Guardar como» → CSV).",
    upload_submit: "Subir y revisar",
    back_to_campaign: "Volver a la campaña",
    no_file: "Elige un archivo CSV para subir.",
    file_empty_file: "El archivo está vacío.",
    file_excel_file:
      "Parece un archivo de Excel, no un CSV. En Excel usa «Guardar como» → «CSV UTF-8 (delimitado por comas)» y sube ese archivo.",
    file_not_text:
      "No pudimos leer este archivo como texto CSV. Exporta los donativos otra vez en formato CSV.",
    file_no_rows: "El archivo solo tiene la fila de encabezados: no hay donativos que importar.",
    file_too_many_rows: (max: string) =>
      `El archivo tiene más de ${max} filas. Divídelo en partes (por ejemplo, por mes) y súbelas una por una.`,
    // preview
    preview_title: "Revisa la importación",
    preview_lede: (file: string, campaign: string) =>
      `Archivo «${file}» para la campaña «${campaign}».`,
    nothing_saved: "Todavía no se ha guardado nada.",
    enc_windows_1252:
      "Este archivo no venía en UTF-8: lo leímos como Windows-1252 (el CSV que guarda Excel). Revisa abajo que los acentos y las eñes se vean bien.",
    enc_utf_16: "Este archivo venía en UTF-16 (texto Unicode de Excel) y lo leímos así.",
    enc_lossy:
      "El archivo ya traía caracteres dañados (�): se perdieron antes de subirlo. Exporta los donativos otra vez en UTF-8 si los nombres se ven mal.",
    stat_rows: "Líneas en el archivo",
    stat_to_record: "Donativos nuevos",
    stat_total: "Total a registrar",
    stat_skipped: "Se saltarán",
    stat_problems: "Con problemas",
    missing_columns: (fields: string) =>
      `Falta elegir la columna de: ${fields}. Sin ella no se puede registrar ningún donativo.`,
    problems_title: "Líneas con problemas",
    problems_lede:
      "Mientras haya una línea con problemas no se registra nada. Corrige el archivo y vuelve a subirlo, o cambia abajo cómo se leen las columnas.",
    skipped_title: "Líneas que se saltarán",
    notes_title: "Para revisar",
    more_lines: (n: string) => `…y ${n} líneas más.`,
    line: (n: string) => `Línea ${n}`,
    p_short_row: (field: string) => `no tiene la columna «${field}».`,
    p_bad_amount: (value: string) => `el monto «${value}» no se entiende.`,
    p_bad_amount_not_positive: (value: string) => `el monto «${value}» no es mayor que cero.`,
    p_bad_amount_fractional: (value: string) =>
      `el monto «${value}» tiene más decimales de la cuenta.`,
    p_bad_amount_too_large: (value: string) => `el monto «${value}» es demasiado grande.`,
    p_bad_amount_empty: "no tiene monto.",
    p_bad_date: (value: string) =>
      `la fecha «${value}» no es válida (o es anterior al 2000, o está en el futuro).`,
    p_wrong_currency: (value: string, currency: string) =>
      `la moneda es ${value}, pero la campaña es en ${currency}.`,
    p_duplicate_id: (value: string, first: string) =>
      `repite el ID de transacción «${value}» de la línea ${first}.`,
    p_bad_id: (value: string) => `el ID de transacción «${value}…» es demasiado largo.`,
    s_already_imported: "ya se importó antes: no se vuelve a registrar.",
    s_status: (value: string) => `el estado es «${value}», no un pago completado.`,
    s_summary_line: "es una fila de totales.",
    s_repeated_line: (first: string) =>
      `repite tal cual la línea ${first}: es la misma, se registra una sola vez.`,
    s_refunded: "se reembolsó en la plataforma.",
    p_other_source: (value: string, source: string) =>
      `el ID «${value}» ya se importó como «${source}»: probablemente es el mismo donativo. Si es la misma plataforma, escribe «${source}» como nombre de la plataforma abajo.`,
    n_repeat: (first: string) =>
      `es idéntica a la línea ${first}. Se registrarán las dos; si es un repetido, bórralo del archivo y vuelve a subirlo.`,
    n_no_ids:
      "El archivo no tiene columna de ID de transacción. Subir otra vez este mismo archivo no duplica nada, pero una exportación nueva con otras líneas u otro orden sí podría duplicar donativos. Si la plataforma da un ID, elígelo abajo.",
    n_dates_guessed: (example: string) =>
      `No hay forma de saber si las fechas van día/mes o mes/día: las leímos así: ${example}. Si no es correcto, cámbialo abajo.`,
    rows_title: "Así se registrarán",
    rows_first: (n: string, total: string) => `Las primeras ${n} de ${total}.`,
    rows_none: "No hay donativos nuevos que registrar en este archivo.",
    anonymous: "Anónimo",
    shown_name: "Nombre visible",
    id_hash: "sin ID (se usa una huella de la línea)",
    // mapping form
    mapping_title: "Columnas",
    mapping_lede: "Adivinamos qué columna es cada dato. Cámbialo si algo no cuadra.",
    not_in_file: "— No está en el archivo —",
    column_example: (header: string, example: string) => `${header} (ej.: ${example})`,
    f_amount: "Monto",
    f_date: "Fecha",
    f_donor_name: "Nombre de quien dona",
    f_donor_last_name: "Apellido (se junta con el nombre)",
    f_anonymous: "Anónimo",
    f_external_id: "ID de transacción",
    f_currency: "Moneda",
    f_status: "Estado del pago",
    date_order: "Fechas como 03/04/2025",
    date_order_auto: "Decidir según el archivo",
    date_order_mdy: "Mes/día/año (4 de marzo)",
    date_order_dmy: "Día/mes/año (3 de abril)",
    source: "Nombre de la plataforma",
    source_hint:
      "Usa siempre el mismo para la misma plataforma: así un donativo que ya importaste se reconoce. Minúsculas, números y guiones.",
    method: "Forma de pago",
    mapping_submit: "Actualizar la vista previa",
    // commit
    commit_submit: (n: number, total: string) =>
      plural("es", n, {
        one: `Registrar 1 donativo (${total})`,
        other: (k) => `Registrar ${k} donativos (${total})`,
      }),
    commit_hint: "Se registran todos juntos o ninguno.",
    cannot_commit: "Corrige los problemas de arriba para poder registrar.",
    discard: "Descartar esta importación",
    discarded: "Importación descartada. No se registró nada.",
    // done
    done_title: "Importación registrada",
    done_body: (n: string, total: string, skipped: string) =>
      `Se registraron ${n} donativos por ${total}. Líneas saltadas: ${skipped}.`,
    done_again: "Ya estaba registrada: no se agregó nada esta vez.",
    campaign_now: "La campaña ahora",
    another: "Importar otro archivo",
  },
  en: {
    link: "Import from CSV",
    upload_title: "Import gifts from a CSV file",
    upload_lede:
      "Upload the file your fundraising platform exports (GoFundMe, Donorbox, PayPal…). Before anything is saved you'll see how each line is read.",
    file_label: "CSV file",
    file_hint:
      "Up to 5 MB. The CSV as the platform exports it works, and so does Excel's (“Save as” → CSV).",
    upload_submit: "Upload and review",
    back_to_campaign: "Back to the campaign",
    no_file: "Choose a CSV file to upload.",
    file_empty_file: "The file is empty.",
    file_excel_file:
      "This looks like an Excel file, not a CSV. In Excel use “Save as” → “CSV UTF-8 (Comma delimited)” and upload that file.",
    file_not_text: "We couldn't read this file as CSV text. Export the gifts again as CSV.",
    file_no_rows: "The file only has the header row: there are no gifts to import.",
    file_too_many_rows: (max: string) =>
      `The file has more than ${max} rows. Split it (for example, by month) and upload the parts one at a time.`,
    preview_title: "Review the import",
    preview_lede: (file: string, campaign: string) =>
      `File “${file}” for the campaign “${campaign}”.`,
    nothing_saved: "Nothing has been saved yet.",
    enc_windows_1252:
      "This file wasn't UTF-8: we read it as Windows-1252 (the CSV Excel saves). Check below that accents and ñ look right.",
    enc_utf_16: "This file was UTF-16 (Excel's Unicode text) and we read it as such.",
    enc_lossy:
      "The file already had damaged characters (�): they were lost before the upload. Export the gifts again as UTF-8 if names look wrong.",
    stat_rows: "Lines in the file",
    stat_to_record: "New gifts",
    stat_total: "Total to record",
    stat_skipped: "To be skipped",
    stat_problems: "With problems",
    missing_columns: (fields: string) =>
      `Choose the column for: ${fields}. Without it no gift can be recorded.`,
    problems_title: "Lines with problems",
    problems_lede:
      "While any line has a problem nothing is recorded. Fix the file and upload it again, or change below how the columns are read.",
    skipped_title: "Lines to be skipped",
    notes_title: "Worth a look",
    more_lines: (n: string) => `…and ${n} more lines.`,
    line: (n: string) => `Line ${n}`,
    p_short_row: (field: string) => `has no “${field}” column.`,
    p_bad_amount: (value: string) => `the amount “${value}” can't be read.`,
    p_bad_amount_not_positive: (value: string) => `the amount “${value}” isn't greater than zero.`,
    p_bad_amount_fractional: (value: string) => `the amount “${value}” has too many decimals.`,
    p_bad_amount_too_large: (value: string) => `the amount “${value}” is too large.`,
    p_bad_amount_empty: "has no amount.",
    p_bad_date: (value: string) =>
      `the date “${value}” isn't valid (or is before 2000, or in the future).`,
    p_wrong_currency: (value: string, currency: string) =>
      `the currency is ${value}, but the campaign is in ${currency}.`,
    p_duplicate_id: (value: string, first: string) =>
      `repeats transaction ID “${value}” from line ${first}.`,
    p_bad_id: (value: string) => `the transaction ID “${value}…” is too long.`,
    s_already_imported: "was imported before: it won't be recorded again.",
    s_status: (value: string) => `the status is “${value}”, not a completed payment.`,
    s_summary_line: "is a totals row.",
    s_repeated_line: (first: string) =>
      `repeats line ${first} exactly: it is the same line, recorded once.`,
    s_refunded: "was refunded on the platform.",
    p_other_source: (value: string, source: string) =>
      `the ID "${value}" was already imported as "${source}": probably the same gift. If it is the same platform, type "${source}" as the platform name below.`,
    n_repeat: (first: string) =>
      `is identical to line ${first}. Both will be recorded; if it's a repeat, delete it from the file and upload it again.`,
    n_no_ids:
      "The file has no transaction ID column. Uploading this same file again adds nothing, but a new export with other lines or another order could count gifts twice. If the platform gives an ID, choose it below.",
    n_dates_guessed: (example: string) =>
      `There's no way to tell whether dates are day/month or month/day: we read them like this: ${example}. If that's wrong, change it below.`,
    rows_title: "How they'll be recorded",
    rows_first: (n: string, total: string) => `The first ${n} of ${total}.`,
    rows_none: "There are no new gifts to record in this file.",
    anonymous: "Anonymous",
    shown_name: "Name shown",
    id_hash: "no ID (a fingerprint of the line is used)",
    mapping_title: "Columns",
    mapping_lede: "We guessed which column holds each piece. Change it if something is off.",
    not_in_file: "— Not in the file —",
    column_example: (header: string, example: string) => `${header} (e.g. ${example})`,
    f_amount: "Amount",
    f_date: "Date",
    f_donor_name: "Donor name",
    f_donor_last_name: "Last name (joined to the name)",
    f_anonymous: "Anonymous",
    f_external_id: "Transaction ID",
    f_currency: "Currency",
    f_status: "Payment status",
    date_order: "Dates like 03/04/2025",
    date_order_auto: "Decide from the file",
    date_order_mdy: "Month/day/year (March 4)",
    date_order_dmy: "Day/month/year (April 3)",
    source: "Platform name",
    source_hint:
      "Always use the same one for the same platform, so a gift you already imported is recognized. Lowercase letters, numbers and dashes.",
    method: "Payment method",
    mapping_submit: "Update the preview",
    commit_submit: (n: number, total: string) =>
      plural("en", n, {
        one: `Record 1 gift (${total})`,
        other: (k) => `Record ${k} gifts (${total})`,
      }),
    commit_hint: "They're recorded all together or not at all.",
    cannot_commit: "Fix the problems above to be able to record.",
    discard: "Discard this import",
    discarded: "Import discarded. Nothing was recorded.",
    done_title: "Import recorded",
    done_body: (n: string, total: string, skipped: string) =>
      `${n} gifts were recorded for ${total}. Lines skipped: ${skipped}.`,
    done_again: "It was already recorded: nothing was added this time.",
    campaign_now: "The campaign now",
    another: "Import another file",
  },
});
