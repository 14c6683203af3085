using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace NetworkCenter.Supervision.Tests.Statistics;

/// <summary>The export files of the seeded March, opened and read back.</summary>
public sealed class StatisticsExportFacts(StatisticsHistoryApp app) : IClassFixture<StatisticsHistoryApp>
{
    private static readonly string March = $"month=2026-03&asOf={Uri.EscapeDataString("2026-04-01T00:00:00+08:00")}";

    [Fact]
    public async Task Csv_IsUtf8WithBom_AndHoldsTheTablesRows()
    {
        using var client = await app.SignedInClientAsync();

        var response = await client.GetAsync($"/api/statistics/sources.csv?{March}");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal(
        [
            "source,given,adopted,adoptionRate,amountRecovered,lossAvoided",
            "liaison,4,2,0.5000,240000.00,0.00",
            "liaison-office,1,1,1.0000,0.00,50000.00",
            "reporting-point,1,0,0.0000,0.00,0.00",
            "walk-in,1,0,0.0000,0.00,0.00",
            "",
        ], lines);
    }

    [Fact]
    public async Task Csv_QuotesChineseNames_AndTheOfficeTableReadsBack()
    {
        using var client = await app.SignedInClientAsync();

        var text = Encoding.UTF8.GetString(await client.GetByteArrayAsync($"/api/statistics/offices.csv?{March}"));

        Assert.Contains($"\r\n{app.O1},城关法律监督联络室,liaison-office,1,1,1.0000,0.00,50000.00\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_OpensAsAWorkbook_WithNumbersAsNumbers()
    {
        using var client = await app.SignedInClientAsync();

        var bytes = await client.GetByteArrayAsync($"/api/statistics/liaisons.xlsx?{March}");

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var sheet = Assert.Single(workbook.Workbook.Sheets!.Elements<Sheet>());
        Assert.Equal("liaisons", sheet.Name?.Value);
        var rows = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
            .Select(row => row.Elements<Cell>().Select(cell => cell.DataType?.Value == CellValues.InlineString
                ? cell.InlineString!.InnerText
                : cell.CellValue?.Text ?? "").ToArray())
            .ToList();
        Assert.Equal(["month", "liaisonId", "liaison", "unit", "office", "given", "adopted", "adoptionRate", "amountRecovered", "lossAvoided",
            "value", "rank"], rows[0]);
        var l2 = Assert.Single(rows, r => r[1] == app.L2.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["", "联络员乙", "测试单位", "城关法律监督联络室", "2", "1", "0.5000", "0.00", "50000.00", "50000.00", "3"],
            l2.Where((_, i) => i != 1));
        var numbers = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Cell>().Count(c => c.DataType?.Value == CellValues.Number);
        Assert.Equal(3 * 8, numbers); // liaisonId, given, adopted, adoptionRate, amountRecovered, lossAvoided, value, rank
        Assert.Equal(4, rows.Count);
    }
}
