using System.Buffers.Binary;
using System.Text;

namespace NetworkCenter.Supervision.Clues.Attachments;

/// <summary>
/// The storage and stream names of an OLE compound file (the container of DOC and XLS), read from every place a
/// 128-byte directory entry can sit: after the header sector, at 128-byte steps. An entry counts only when its name
/// length and object type are valid, so text inside the document does not pass for a name.
/// </summary>
internal static class CompoundFileNames
{
    private const int EntrySize = 128;

    public static HashSet<string> Read(Stream content)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        content.Position = 30;
        Span<byte> shift = stackalloc byte[2];
        if (content.ReadAtLeast(shift, 2, throwOnEndOfStream: false) < 2)
        {
            return names;
        }
        var sectorShift = BinaryPrimitives.ReadUInt16LittleEndian(shift);
        if (sectorShift is not (9 or 12))
        {
            return names;
        }
        content.Position = 1 << sectorShift;
        var entry = new byte[EntrySize];
        while (content.ReadAtLeast(entry, EntrySize, throwOnEndOfStream: false) == EntrySize)
        {
            var length = BinaryPrimitives.ReadUInt16LittleEndian(entry.AsSpan(64));
            var type = entry[66];
            if (length is >= 4 and <= 64 && length % 2 == 0 && type is 1 or 2 or 5 && entry[length - 2] == 0 && entry[length - 1] == 0)
            {
                names.Add(Encoding.Unicode.GetString(entry, 0, length - 2));
            }
        }
        return names;
    }
}
