// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/// Number formatting for the benchmark's printed tables.
library BenchFormat {
    /// 1234567 -> "1,234,567"
    function commas(uint256 value) internal pure returns (string memory) {
        bytes memory digits = bytes(_decimal(value));
        uint256 groups = (digits.length - 1) / 3;
        bytes memory out = new bytes(digits.length + groups);
        uint256 j = out.length;
        for (uint256 i = digits.length; i > 0; i--) {
            uint256 fromRight = digits.length - i;
            if (fromRight != 0 && fromRight % 3 == 0) out[--j] = ",";
            out[--j] = digits[i - 1];
        }
        return string(out);
    }

    /// numerator / denominator with two decimals, rounded half up: (3, 2) -> "1.50"
    function ratio(uint256 numerator, uint256 denominator) internal pure returns (string memory) {
        uint256 hundredths = (numerator * 100 + denominator / 2) / denominator;
        uint256 cents = hundredths % 100;
        return string.concat(_decimal(hundredths / 100), ".", cents < 10 ? "0" : "", _decimal(cents));
    }

    /// Right-aligns `text` in a field of `width` characters.
    function padLeft(string memory text, uint256 width) internal pure returns (string memory) {
        uint256 length = bytes(text).length;
        if (length >= width) return text;
        bytes memory spaces = new bytes(width - length);
        for (uint256 i = 0; i < spaces.length; i++) {
            spaces[i] = " ";
        }
        return string.concat(string(spaces), text);
    }

    function _decimal(uint256 value) private pure returns (string memory) {
        if (value == 0) return "0";
        uint256 length = 0;
        for (uint256 v = value; v != 0; v /= 10) {
            length++;
        }
        bytes memory out = new bytes(length);
        for (uint256 i = length; i > 0; i--) {
            // casting to uint8 is safe: 48 + a digit is at most 57
            // forge-lint: disable-next-line(unsafe-typecast)
            out[i - 1] = bytes1(uint8(48 + value % 10));
            value /= 10;
        }
        return string(out);
    }
}
