#pragma once
// --screenshot: open the runs in a window that is never shown on a screen, wait until they are
// loaded and their charts built, set the clock to --at, render the window with QWidget::grab()
// and write the PNG. Returns the process exit status: 0 written; 1 a run could not be opened,
// the time is wrong or the file cannot be written (the reason on stderr).

#include "viewer/command_line.hpp"

namespace b24::viewer {

class MainWindow;

// Applies --at, --select and --focus to a window whose runs are loaded; an error message, or
// empty. Shared with the interactive start.
[[nodiscard]] QString apply_start_options(MainWindow& window, const ViewerOptions& options);

[[nodiscard]] int take_screenshot(const ViewerOptions& options);

}  // namespace b24::viewer
