// A parent's view of its children (runtime/worker/children.h), without V8.

#include "runtime/worker/children.h"

#include <gtest/gtest.h>

namespace islet::runtime {
namespace {

TEST(ChildrenTest, AChildsChannelIsFoundByThreadIdUntilItExits) {
  Children children;
  EXPECT_FALSE(children.PortOf(1).has_value());
  children.Add(1, 100);
  children.Add(2, 200);
  ASSERT_TRUE(children.PortOf(1).has_value());
  EXPECT_EQ(*children.PortOf(1), 100u);
  EXPECT_EQ(*children.PortOf(2), 200u);
  children.Remove(1);
  EXPECT_FALSE(children.PortOf(1).has_value());
  EXPECT_EQ(*children.PortOf(2), 200u);
}

TEST(ChildrenTest, ChildrenToStartAreTakenOnceInOrderAndSurviveTheParentsTeardown) {
  Children children;
  // Null stand-ins: the table keeps them, it never calls into a Worker.
  children.StartAfterTurn(nullptr);
  children.StartAfterTurn(nullptr);
  children.Add(1, 100);
  children.ForgetPorts();
  EXPECT_FALSE(children.PortOf(1).has_value());
  EXPECT_EQ(children.TakeToStart().size(), 2u);
  EXPECT_TRUE(children.TakeToStart().empty());
}

}  // namespace
}  // namespace islet::runtime
