namespace AlignmentPolicy.Core.Attestation.Zip;

/// <summary>CRC-32 (IEEE 802.3, the zip checksum), table driven; netstandard2.0 has no System.IO.Hashing.</summary>
internal sealed class Crc32
{
    private static readonly uint[] s_table = CreateTable();
    private uint _state = 0xFFFFFFFFu;

    public uint Value => ~_state;

    public void Append(byte[] buffer, int offset, int count)
    {
        var state = _state;
        for (var i = offset; i < offset + count; i++)
        {
            state = s_table[(state ^ buffer[i]) & 0xFF] ^ (state >> 8);
        }

        _state = state;
    }

    private static uint[] CreateTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var value = i;
            for (var bit = 0; bit < 8; bit++)
            {
                value = (value & 1) != 0 ? 0xEDB88320u ^ (value >> 1) : value >> 1;
            }

            table[i] = value;
        }

        return table;
    }
}
