using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace NetworkCenter.Web.Statistics;

/// <summary>
/// A table of records as CSV (UTF-8 with a byte order mark, so Excel opens Chinese text right) or as an XLSX workbook of
/// one sheet: a header row of the JSON property names, then one row per record, numbers as numbers.
/// </summary>
internal static class TableExport
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Csv(Type rowType, IReadOnlyList<object> rows)
    {
        var columns = Columns(rowType);
        var text = new StringBuilder();
        text.AppendJoin(',', columns.Select(c => Quote(c.Header))).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(',', columns.Select(c => Quote(Text(c.Property.GetValue(row))))).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Xlsx(string sheetName, Type rowType, IReadOnlyList<object> rows)
    {
        var columns = Columns(rowType);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(new Row(columns.Select(c => TextCell(c.Header))));
            foreach (var row in rows)
            {
                data.Append(new Row(columns.Select(c => Cell(c.Property.GetValue(row)))));
            }
            worksheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet
            {
                Id = workbook.GetIdOfPart(worksheet),
                SheetId = 1,
                Name = sheetName.Length > 31 ? sheetName[..31] : sheetName,
            }));
        }
        return stream.ToArray();
    }

    private sealed record Column(string Header, PropertyInfo Property);

    private static List<Column> Columns(Type rowType) =>
        [.. rowType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .Select(p => new Column(JsonNamingPolicy.CamelCase.ConvertName(p.Name), p))];

    private static Cell Cell(object? value) => value switch
    {
        null => new Cell(),
        long or int or decimal or double => new Cell
        {
            DataType = CellValues.Number,
            CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!),
        },
        _ => TextCell(Text(value)),
    };

    private static Cell TextCell(string text) => new()
    {
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static string Text(object? value) => value switch
    {
        null => "",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        DateTime instant => instant.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// RFC 4180 quoting; text a spreadsheet would read as a formula (=, +, -, @ first) gets a leading apostrophe, so a name
    /// typed into the register cannot run in whoever opens the export.
    /// </summary>
    private static string Quote(string text)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '@' or '\t' or '\r' || (text.StartsWith('-') && !decimal.TryParse(text,
                NumberStyles.Number, CultureInfo.InvariantCulture, out _)))
        {
            text = "'" + text;
        }
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
