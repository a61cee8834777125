package dev.broadsheet.media;

import dev.broadsheet.api.ErrorCode;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** An upload over the multipart limit is refused before any controller sees it: answer 413 with VALIDATION. */
@RestControllerAdvice
class UploadLimitAdvice {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
        return MediaHttpController.errorBody(HttpStatus.PAYLOAD_TOO_LARGE, ErrorCode.VALIDATION,
                "The upload is larger than the server accepts (broadsheet.media.max-upload-size)", Map.of("field", "file"));
    }
}
