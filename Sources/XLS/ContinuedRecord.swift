/// A record's body together with the CONTINUE records that follow it, read as one sequence of bytes —
/// except that where a string's characters run into a CONTINUE, that record starts with a new flags
/// byte saying whether the rest of the characters are one byte or two (MS-XLS 2.4.58).
struct ContinuedRecord {
    let stream: UnsafeRawBufferPointer
    private(set) var segments: [Range<Int>]
    private var segment = 0
    private var position: Int
    /// Where reading stopped: the offset of the next record after the last CONTINUE.
    let end: Int

    /// `first` and every CONTINUE right after it.
    init(_ first: BIFFRecord, in stream: UnsafeRawBufferPointer) throws(XLSError.Kind) {
        self.stream = stream
        var segments = [first.body]
        var next = first.next
        while let record = try BIFFRecord.at(next, in: stream), record.type == BIFFRecord.continued {
            segments.append(record.body)
            next = record.next
        }
        self.segments = segments
        position = first.body.lowerBound
        end = next
    }

    var isAtEnd: Bool {
        var s = segment, p = position
        while p >= segments[s].upperBound {
            s += 1
            if s == segments.count { return true }
            p = segments[s].lowerBound
        }
        return false
    }

    /// Moves into the next segment when this one is used up; false at the very end.
    @inline(__always) private mutating func ensureByte() -> Bool {
        while position >= segments[segment].upperBound {
            guard segment + 1 < segments.count else { return false }
            segment += 1
            position = segments[segment].lowerBound
        }
        return true
    }

    @inline(__always) mutating func byte() throws(XLSError.Kind) -> UInt8 {
        guard ensureByte() else { throw .malformedRecord("记录内容不完整 (record content cut off)") }
        let value = stream[position]
        position += 1
        return value
    }

    @inline(__always) mutating func u16() throws(XLSError.Kind) -> UInt16 {
        if position + 2 <= segments[segment].upperBound {
            let value = stream.le16(position)
            position += 2
            return value
        }
        let low = try byte()
        return UInt16(low) | UInt16(try byte()) << 8
    }

    @inline(__always) mutating func u32() throws(XLSError.Kind) -> UInt32 {
        if position + 4 <= segments[segment].upperBound {
            let value = stream.le32(position)
            position += 4
            return value
        }
        let low = try u16()
        return UInt32(low) | UInt32(try u16()) << 16
    }

    /// Skips `count` bytes of non-character data (rich-text runs, phonetic blocks), across segments.
    mutating func skip(_ count: Int) throws(XLSError.Kind) {
        var left = count
        while left > 0 {
            guard ensureByte() else { throw .malformedRecord("记录内容不完整 (record content cut off)") }
            let step = min(left, segments[segment].upperBound - position)
            position += step
            left -= step
        }
    }

    /// `count` characters, one byte each (`highByte` false: Latin-1) or UTF-16LE, continuing into the
    /// next segment with that segment's own flags byte. `text` holds reusable buffers.
    mutating func characters(_ count: Int, highByte: Bool, text: inout TextBuffers) throws(XLSError.Kind) -> String {
        var wide = highByte
        // Fast path: the whole string in this segment.
        let width = wide ? 2 : 1
        if position + count * width <= segments[segment].upperBound {
            let start = position
            position += count * width
            return BIFFText.decode(UnsafeRawBufferPointer(rebasing: stream[start..<position]), wide: wide, scratch: &text.utf8)
        }
        text.units.removeAll(keepingCapacity: true)
        var left = count
        while left > 0 {
            if position >= segments[segment].upperBound {
                guard segment + 1 < segments.count else { throw .malformedRecord("字符串超出记录 (string runs past its records)") }
                segment += 1
                position = segments[segment].lowerBound
                guard position < segments[segment].upperBound else { continue }
                wide = stream[position] & 1 != 0
                position += 1
                continue
            }
            if wide {
                guard position + 2 <= segments[segment].upperBound else {
                    throw .malformedRecord("UTF-16 字符被记录截断 (character split across records)")
                }
                text.units.append(stream.le16(position))
                position += 2
            } else {
                text.units.append(UInt16(stream[position]))
                position += 1
            }
            left -= 1
        }
        return BIFFText.decode(units: text.units, scratch: &text.utf8)
    }
}

/// Scratch space for decoding strings, reused from one string to the next.
struct TextBuffers {
    var units: [UInt16] = []
    var utf8: [UInt8] = []
}
